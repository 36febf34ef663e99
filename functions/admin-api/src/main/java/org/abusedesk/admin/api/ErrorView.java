package org.abusedesk.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One error: the field it is about, left out when it is about none, and what is wrong. The document's {@code Error}. */
record ErrorView(@JsonInclude(JsonInclude.Include.NON_NULL) String field, String message) {}
