package org.abusedesk.cases;

import java.util.Locale;
import java.util.Set;
import org.abusedesk.complaint.Channel;
import org.abusedesk.complaint.Complaint;
import org.abusedesk.complaint.MailProvenance;
import org.abusedesk.complaint.Verdict;

/**
 * Which complaints the Certified Senders Alliance forwarded, and so must be answered by their {@link AnswerDeadline}:
 * mailed complaints whose one {@code From:} mailbox lies in the CSA's domain, with DMARC passed at our receiving
 * server, so that nobody else can put a case on the CSA's clock by writing its address into {@code From:}.
 */
public final class CsaForwards {

    /** The CSA's mail domains; their subdomains count too. */
    public static final Set<String> DOMAINS = Set.of("certified-senders.org", "certified-senders.eu");

    /** An address is at most this long (RFC 5321); a longer one is nobody's. */
    private static final int MAX_ADDRESS = 254;

    private CsaForwards() {}

    public static boolean forwardedByCsa(Complaint complaint) {
        if (complaint.channel() != Channel.MAIL) {
            return false;
        }
        boolean dmarcPassed = complaint
                .attribution()
                .provenance()
                .map(MailProvenance::verdicts)
                .map(verdicts -> verdicts.dmarc() == Verdict.PASS)
                .orElse(false);
        return dmarcPassed && inCsaDomain(complaint.complainant().email());
    }

    static boolean inCsaDomain(String address) {
        if (address.length() > MAX_ADDRESS) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return false;
        }
        String domain = address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        for (String csa : DOMAINS) {
            if (domain.equals(csa) || domain.endsWith("." + csa)) {
                return true;
            }
        }
        return false;
    }
}
