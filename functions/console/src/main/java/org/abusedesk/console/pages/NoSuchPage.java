package org.abusedesk.console.pages;

/** A path that names nothing the desk has: a value in it is no Mailing ID, no complaint id, no account id. */
final class NoSuchPage extends RuntimeException {

    NoSuchPage() {
        super("no such page", null, false, false);
    }
}
