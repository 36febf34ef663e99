package org.abusedesk.admin.api;

/** The admin API's OAuth scopes: reading everything, and changing things (which includes reading). */
enum Scope {
    READ("abuse-desk/read"),
    WRITE("abuse-desk/write");

    private final String claim;

    Scope(String claim) {
        this.claim = claim;
    }

    String claim() {
        return claim;
    }
}
