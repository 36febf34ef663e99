package org.abusedesk.registration;

/** Told, now and then during an import, how many rows of the file are done: for a progress bar. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = rows -> {};

    /** @param rows data rows read and settled so far (stored, unchanged or rejected), the header not counted */
    void rowsDone(long rows);
}
