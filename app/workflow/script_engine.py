"""SpiffWorkflow's script engine, pointed at the sandbox."""

from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.script_engine.python_environment import BasePythonScriptEngineEnvironment

from app.workflow import sandbox
from app.workflow.expressions import expression_of, literal_timer
from app.workflow.running import script_data


class SandboxEnvironment(BasePythonScriptEngineEnvironment):
    def evaluate(self, expression, context, external_context=None):
        literal = literal_timer(expression)
        if literal is not None:
            return literal
        source = expression_of(expression) or expression
        return sandbox.evaluate(source, {**(external_context or {}), **context})

    def execute(self, script, context, external_context=None):
        with script_data(context):  # for the helpers it calls (running_work)
            sandbox.execute(script, context)
        return True

    def call_service(self, context, **kwargs):
        raise sandbox.SandboxError("service tasks are not supported")


class SandboxScriptEngine(PythonScriptEngine):
    def __init__(self):
        super().__init__(environment=SandboxEnvironment())

    def validate(self, expression):
        sandbox.compile_expression(expression)


SCRIPT_ENGINE = SandboxScriptEngine()
