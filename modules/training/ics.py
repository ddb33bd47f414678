"""A class's sessions as an iCalendar file (RFC 5545) for the trainee's own calendar."""

from datetime import UTC, datetime

from icalendar import Calendar, Event

from app.clock import LOCAL_TZ, utcnow


def calendar_of(training_class, host: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//UBND tinh Quang Ngai//Thong tin doi ngoai//VI")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    where = training_class.venue or training_class.online_link or ""
    for number, session in enumerate(training_class.sessions, start=1):
        event = Event()
        event.add("uid", f"{training_class.code}-{session.id}@{host}")
        event.add("dtstamp", utcnow().replace(tzinfo=UTC))
        event.add("dtstart", datetime.combine(session.day, session.starts_at, tzinfo=LOCAL_TZ))
        event.add("dtend", datetime.combine(session.day, session.ends_at, tzinfo=LOCAL_TZ))
        event.add("summary", f"{training_class.course.topic} ({training_class.code}, "
                             f"{number}/{len(training_class.sessions)})")
        if where:
            event.add("location", where)
        if training_class.online_link:
            event.add("url", training_class.online_link)
        if training_class.lecturers:
            event.add("description", training_class.lecturers)
        calendar.add_component(event)
    return calendar.to_ical()
