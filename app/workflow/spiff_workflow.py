"""SpiffWorkflow's workflow, with one repair.

Cancelling a multi-instance activity (an interrupting timer on it, say) drops its children
from the task tree without cancelling them, so the subprocesses those children ran stay
behind, "active", with a parent task that no longer exists; the next engine step then fails
looking that parent up. Such orphans are dropped before the engine looks for active
subprocesses.
"""

from SpiffWorkflow.bpmn import BpmnWorkflow


class Workflow(BpmnWorkflow):
    def get_active_subprocesses(self):
        self._drop_orphaned_subprocesses()
        return super().get_active_subprocesses()

    def _drop_orphaned_subprocesses(self) -> None:
        while True:
            known = set(self.tasks).union(*(sp.tasks for sp in self.subprocesses.values()))
            orphans = [parent for parent in self.subprocesses if parent not in known]
            if not orphans:
                return
            for parent in orphans:  # the subprocesses they ran are orphans on the next round
                del self.subprocesses[parent]
