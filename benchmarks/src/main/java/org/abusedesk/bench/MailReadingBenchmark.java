package org.abusedesk.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.abusedesk.inbound.DkimVerifier;
import org.abusedesk.inbound.InboundLimits;
import org.abusedesk.inbound.MailReader;
import org.abusedesk.inbound.MailReading;
import org.abusedesk.inbound.ResolutionProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse, classify and resolve one inbound mail, as the inbound-mail function reads it ({@link MailReader}: MIME,
 * classification, reported messages, Mailing ID resolution). DKIM is not verified here: it needs DNS. Each call
 * reads the next mail of the class, round robin, so the score is the mean over the class's files.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MailReadingBenchmark {

    @Param({"arf", "bounces", "auto-replies", "inline-forwards", "project"})
    public String fixtureClass;

    private MailReader reader;
    private List<byte[]> mails;
    private int next;

    @Setup
    public void setUp() {
        reader = reader();
        mails = FixtureMix.mails(fixtureClass).stream()
                .map(FixtureMix.Mail::bytes)
                .toList();
    }

    @Benchmark
    public MailReading read() {
        byte[] mail = mails.get(next);
        next = next + 1 == mails.size() ? 0 : next + 1;
        return reader.read(mail);
    }

    /** The reader as the inbound function configures it by default, without DNS. */
    public static MailReader reader() {
        return new MailReader(InboundLimits.DEFAULT, ResolutionProfile.DEFAULT, DkimVerifier.none());
    }

    /** How many files the class has: the test reads each once. */
    int size() {
        return mails.size();
    }
}
