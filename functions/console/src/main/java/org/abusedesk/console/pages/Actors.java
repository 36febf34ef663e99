package org.abusedesk.console.pages;

import org.abusedesk.console.Person;

/** Who a person is in the desk's records: the one place that says so, for case closures and status changes alike. */
final class Actors {

    private Actors() {}

    /** The name the history shows for the person's decisions. */
    static String of(Person person) {
        return person.name();
    }
}
