package org.abusedesk.evidence;

/** The sending platform's evidence endpoint, asked once per attempt. */
@FunctionalInterface
public interface EvidencePlatform {

    /** Asks, and says what the answer was; never throws for what the endpoint did or failed to do. */
    OptInEvidence.Answer ask(EvidenceRequest request) throws InterruptedException;
}
