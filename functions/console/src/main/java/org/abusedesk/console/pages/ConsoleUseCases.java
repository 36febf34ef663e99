package org.abusedesk.console.pages;

import java.time.Clock;
import java.util.Objects;
import org.abusedesk.account.ChangeAccountStatus;
import org.abusedesk.account.SetAccountContact;
import org.abusedesk.account.ShowAccount;
import org.abusedesk.account.ShowAccountContact;
import org.abusedesk.account.Thresholds;
import org.abusedesk.cases.AddNote;
import org.abusedesk.cases.CaseFiles;
import org.abusedesk.cases.CloseCase;
import org.abusedesk.cases.ComplainantRecords;
import org.abusedesk.cases.EraseComplainant;
import org.abusedesk.cases.ExportCase;
import org.abusedesk.cases.ListCases;
import org.abusedesk.cases.SendFollowUp;
import org.abusedesk.cases.StoredEvidence;
import org.abusedesk.cases.TellOutcome;
import org.abusedesk.cases.ViewCase;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.ResolutionProfile;
import org.abusedesk.registration.ImportMailings;
import org.abusedesk.registration.Mailings;
import org.abusedesk.registration.ShowMailing;
import org.abusedesk.statistics.AccountStandings;
import org.abusedesk.statistics.CaseWorkload;
import org.abusedesk.statistics.ComplaintTallies;
import org.abusedesk.statistics.RateHistory;

/**
 * What the console's pages ask: the admin API's use cases, the statistics of the overview and the account page, and
 * the few stores a page reads directly.
 *
 * @param mailings an account's mailings ({@link Mailings#sentBy}), which no use case lists yet
 * @param complainants the search by complainant address, by its hash only
 * @param evidence the stored raw mail: streamed as a download, and read again for the reported message's header
 * @param limits how much of a stored mail is read, as the inbound function reads it
 * @param profile how the reported message is found in a stored mail, as the inbound function finds it
 * @param thresholds the lines of the account chart and the overview's distances to them
 * @param files cases one at a time: the due dates of waiting cases, which the listings do not carry
 * @param customerAnswerDays the days a follow-up gives the customer to answer, unless the person changes them
 */
public record ConsoleUseCases(
        ListCases listCases,
        ViewCase viewCase,
        CloseCase closeCase,
        SendFollowUp sendFollowUp,
        AddNote addNote,
        TellOutcome tellOutcome,
        ExportCase exportCase,
        ShowAccount showAccount,
        ChangeAccountStatus changeAccountStatus,
        ShowAccountContact showAccountContact,
        SetAccountContact setAccountContact,
        ShowMailing showMailing,
        Mailings mailings,
        ImportMailings importMailings,
        EraseComplainant eraseComplainant,
        ComplainantRecords complainants,
        StoredEvidence evidence,
        InboundLimits limits,
        ResolutionProfile profile,
        ComplaintTallies tallies,
        CaseWorkload workload,
        AccountStandings standings,
        RateHistory rateHistory,
        Thresholds thresholds,
        CaseFiles files,
        int customerAnswerDays,
        Clock clock) {

    public ConsoleUseCases {
        Objects.requireNonNull(listCases, "listCases == null");
        Objects.requireNonNull(viewCase, "viewCase == null");
        Objects.requireNonNull(closeCase, "closeCase == null");
        Objects.requireNonNull(sendFollowUp, "sendFollowUp == null");
        Objects.requireNonNull(addNote, "addNote == null");
        Objects.requireNonNull(tellOutcome, "tellOutcome == null");
        Objects.requireNonNull(exportCase, "exportCase == null");
        Objects.requireNonNull(showAccount, "showAccount == null");
        Objects.requireNonNull(changeAccountStatus, "changeAccountStatus == null");
        Objects.requireNonNull(showAccountContact, "showAccountContact == null");
        Objects.requireNonNull(setAccountContact, "setAccountContact == null");
        Objects.requireNonNull(showMailing, "showMailing == null");
        Objects.requireNonNull(mailings, "mailings == null");
        Objects.requireNonNull(importMailings, "importMailings == null");
        Objects.requireNonNull(eraseComplainant, "eraseComplainant == null");
        Objects.requireNonNull(complainants, "complainants == null");
        Objects.requireNonNull(evidence, "evidence == null");
        Objects.requireNonNull(limits, "limits == null");
        Objects.requireNonNull(profile, "profile == null");
        Objects.requireNonNull(tallies, "tallies == null");
        Objects.requireNonNull(workload, "workload == null");
        Objects.requireNonNull(standings, "standings == null");
        Objects.requireNonNull(rateHistory, "rateHistory == null");
        Objects.requireNonNull(thresholds, "thresholds == null");
        Objects.requireNonNull(files, "files == null");
        if (customerAnswerDays < SendFollowUp.MIN_DAYS || customerAnswerDays > SendFollowUp.MAX_DAYS) {
            throw new IllegalArgumentException("customerAnswerDays must be " + SendFollowUp.MIN_DAYS + " to "
                    + SendFollowUp.MAX_DAYS + ", was " + customerAnswerDays);
        }
        Objects.requireNonNull(clock, "clock == null");
    }
}
