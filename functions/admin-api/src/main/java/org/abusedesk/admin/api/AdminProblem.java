package org.abusedesk.admin.api;

/** A request the admin API refuses: its status, and the field (or {@code null}) and what is wrong with it. */
final class AdminProblem extends RuntimeException {

    private final int status;
    private final String field;

    AdminProblem(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
