package org.abusedesk.admin.api;

import java.util.Objects;
import java.util.function.Function;

/** One route of the admin API: the scope a token needs for it, and the body it answers a request with. */
record AdminRoute(Scope scope, Function<AdminRequest, Object> answer) {

    AdminRoute {
        Objects.requireNonNull(scope, "scope == null");
        Objects.requireNonNull(answer, "answer == null");
    }

    static AdminRoute reading(Function<AdminRequest, Object> answer) {
        return new AdminRoute(Scope.READ, answer);
    }

    static AdminRoute writing(Function<AdminRequest, Object> answer) {
        return new AdminRoute(Scope.WRITE, answer);
    }
}
