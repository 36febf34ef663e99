package org.abusedesk.console.pages;

import org.abusedesk.console.Person;
import org.abusedesk.people.Actor;

/** Who a person is in the desk's records: the one place that says so, for case closures and status changes alike. */
final class Actors {

    private Actors() {}

    /** The person as the desk records them: their subject, which events carry, and the name the history shows. */
    static Actor of(Person person) {
        return new Actor(person.subject(), person.name());
    }
}
