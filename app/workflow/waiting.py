"""What a workflow waits for, event by event. SpiffWorkflow lists an event-based gateway (and
any event with several definitions) as one "MultipleEventDefinition" with no name; the
message and the timer inside it are what the subscriptions and the timer worker look for."""


def waiting_events(workflow) -> list:
    """The pending events (name, event_type, value) of every waiting catch event, those of
    an event-based gateway each on its own."""
    found = []
    for task in list(workflow.event_manager.tasks.values()):
        definition = task.task_spec.event_definition
        for each in getattr(definition, "event_definitions", None) or [definition]:
            found.append(each.details(task))
    return found
