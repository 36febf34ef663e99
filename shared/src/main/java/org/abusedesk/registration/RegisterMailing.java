package org.abusedesk.registration;

import java.util.Objects;
import org.abusedesk.complaint.MailingIdFormat;

/** The sending platform registers one mailing, or corrects its registration; counters stay as they are. */
public final class RegisterMailing {

    private final Mailings mailings;
    private final RegistrationValidator validator;

    public RegisterMailing(Mailings mailings, MailingIdFormat mailingIdFormat) {
        this.mailings = Objects.requireNonNull(mailings, "mailings == null");
        this.validator = new RegistrationValidator(mailingIdFormat);
    }

    /**
     * @return the registration as stored
     * @throws org.abusedesk.request.InvalidRequestException naming each field that cannot be accepted; nothing is
     *     stored then
     */
    public Mailing register(RegistrationRequest request) {
        var mailing = validator.validate(request);
        mailings.register(mailing);
        return mailing;
    }
}
