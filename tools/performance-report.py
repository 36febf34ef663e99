"""Writes docs/performance.md from the raw results tools/performance left in target/perf.

Usage: performance-report.py <results folder> <markdown file>. Every number in the document comes from those files.
"""

import json
import os
import statistics
import sys

ZIP_LIMIT = 15 * 1024 * 1024
COLD_RATIO_GOAL = 1.25
NODE_GOAL = 5.0
PYTHON_GOAL = 10.0
GMIME_GOAL = 0.5
WARM_GOAL_US = 100.0

NAMES = ["baseline", "form", "inbound", "processor", "admin"]
LABELS = {
    "baseline": "baseline (minimal DynamoDB handler)",
    "form": "complaint-form",
    "inbound": "inbound-mail",
    "processor": "complaint-processor",
    "admin": "admin-api",
}
FUNCTION_ZIPS = {"form": "complaint-form", "inbound": "inbound-mail", "processor": "complaint-processor",
                 "admin": "admin-api"}


def properties(path):
    values = {}
    if not os.path.exists(path):
        return values
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or "=" not in line:
                continue
            key, value = line.split("=", 1)
            values[key] = value
    return values


def status(met):
    return "**met**" if met else "**not met**"


def ms(seconds):
    return f"{seconds * 1000:,.0f}"


def mib(size):
    return f"{size / 1024 / 1024:.1f} MiB"


def warm_section(results, lines, goals):
    rows = {}
    path = os.path.join(results, "warm-paths.tsv")
    with open(path, encoding="utf-8") as f:
        for line in f:
            jit, benchmark, param, score, error, unit = line.rstrip("\n").split("\t")
            rows.setdefault((benchmark, param), {})[jit] = (float(score), float(error), unit)
    names = {
        "FormSubmissionBenchmark.submit": "form submission (POST /complaints, JSON)",
        "MailReadingBenchmark.read": "parse + classify + resolve one mail",
        "QueueMessageBenchmark.process": "one queue message processed",
    }
    lines.append("| path | fixture class | C1 only (Lambda) | default JIT |")
    lines.append("| --- | --- | ---: | ---: |")
    for (benchmark, param), by_jit in rows.items():
        cells = []
        for jit in ("c1", "default"):
            if jit in by_jit:
                score, error, unit = by_jit[jit]
                spread = "" if error != error else f" ± {error:,.1f}"  # NaN: too few iterations for an error
                cells.append(f"{score:,.1f}{spread} {unit.replace('us/op', 'µs/op')}")
            else:
                cells.append("–")
        lines.append(f"| {names.get(benchmark, benchmark)} | {param if param != '-' else ''} | {cells[0]} | {cells[1]} |")
    for benchmark, label in (("FormSubmissionBenchmark.submit", "warm work per form submission"),
                             ("QueueMessageBenchmark.process", "warm work per processed message")):
        by_jit = rows.get((benchmark, "-"), {})
        if "c1" in by_jit:
            c1 = by_jit["c1"][0]
            default = by_jit.get("default", (float("nan"),))[0]
            goals.append((f"{label} ≤ {WARM_GOAL_US:.0f} µs",
                          f"{c1:,.1f} µs with C1 only (Lambda), {default:,.1f} µs with the default JIT",
                          status(c1 <= WARM_GOAL_US)))
    return rows


def phase_medians(cold, file):
    """Medians of the runner's three phases (ms), the first line (hyperfine's warm-up run) left out."""
    path = os.path.join(cold, file)
    if not os.path.exists(path):
        return ("–", "–", "–")
    with open(path, encoding="utf-8") as f:
        rows = [line.split() for line in f if line.strip()][1:]
    if not rows:
        return ("–", "–", "–")
    return tuple(f"{statistics.median(int(r[i]) for r in rows):,.0f}" for i in range(3))


def cold_section(results, zips, lines, goals):
    cold = os.path.join(results, "cold")
    classes = properties(os.path.join(cold, "classes.properties"))
    runs = {}
    for mode in ("no-cds", "cds"):
        with open(os.path.join(cold, f"{mode}.json"), encoding="utf-8") as f:
            data = json.load(f)
        for name, result in zip(NAMES, data["results"]):
            runs[(name, mode)] = result
    count = len(runs[("baseline", "no-cds")]["times"])
    lines.append(f"{count} measured runs of each, after one warm-up run; milliseconds from `java` to the exit after "
                 "the first event was handled.")
    lines.append("")
    lines.append("| function | zip | classes loaded | median | min | max | × baseline | "
                 "with AppCDS: median | min | max | × baseline | classes from archives |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    phases = []
    base = {mode: statistics.median(runs[("baseline", mode)]["times"]) for mode in ("no-cds", "cds")}
    verdicts = []
    for name in NAMES:
        plain = runs[(name, "no-cds")]
        shared = runs[(name, "cds")]
        plain_median = statistics.median(plain["times"])
        shared_median = statistics.median(shared["times"])
        total, _ = classes.get(f"{name}.classes", "0 0").split()
        total_cds, from_archive = classes.get(f"{name}.classesCds", "0 0").split()
        size = mib(zips[FUNCTION_ZIPS[name]]) if name in FUNCTION_ZIPS else "–"
        ratio = plain_median / base["no-cds"]
        ratio_cds = shared_median / base["cds"]
        lines.append(
            f"| {LABELS[name]} | {size} | {int(total):,} | {ms(plain_median)} | {ms(min(plain['times']))} | "
            f"{ms(max(plain['times']))} | {ratio:.2f} | {ms(shared_median)} | {ms(min(shared['times']))} | "
            f"{ms(max(shared['times']))} | {ratio_cds:.2f} | {int(from_archive):,} of {int(total_cds):,} |")
        if name != "baseline":
            verdicts.append((LABELS[name], ratio, ratio_cds))
        phases.append((name, phase_medians(cold, f"{name}-phases.txt"), phase_medians(cold, f"{name}-phases-cds.txt")))
    lines.append("")
    lines.append("Where the time goes, medians of the measured runs (the runner's own clock): starting the logging "
                 "(SLF4J and Log4j 2 with its JSON layout, as the handler class's first logger starts them; the "
                 "baseline logs nothing), from `main` to the handler constructed, logging excluded (its clients, its "
                 "configuration, and for the form its secret read from Secrets Manager), and from there to the first "
                 "event handled (the work, and its calls to moto). The rest of each total is the JVM's start and exit.")
    lines.append("")
    lines.append("| function | logging | construct | first event | with AppCDS: logging | construct | first event |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, plain, shared in phases:
        lines.append(f"| {LABELS[name]} | {' | '.join(plain)} | {' | '.join(shared)} |")
    for label, ratio, ratio_cds in verdicts:
        goals.append((f"cold-start proxy of {label} ≤ {COLD_RATIO_GOAL}× baseline (median)",
                      f"{ratio:.2f}× without AppCDS, {ratio_cds:.2f}× with (each against the baseline of the same mode)",
                      status(ratio <= COLD_RATIO_GOAL)))


def parser_section(results, machine, lines, goals):
    parsers = properties(os.path.join(results, "parsers.properties"))

    def rate(key):
        messages, seconds, per_second = parsers[key].split()
        return int(messages), float(seconds), float(per_second)

    java = rate("java")
    java_c1 = rate("javaC1")
    node = rate("node")
    python = rate("python")
    gmime = rate("gmime") if "gmime" in parsers else None
    lines.append(f"{parsers['files']} files (the whole fixture mix of section 1), {parsers['warmup']} warm-up passes "
                 f"(not timed), then {parsers['loops']} timed passes over all of them, in one process per parser.")
    lines.append("")
    lines.append("| parser | what it does per mail | messages | seconds | messages/s | ours (C1 only) × |")
    lines.append("| --- | --- | ---: | ---: | ---: | ---: |")
    lines.append(f"| abuse-desk `MailReader`, default JIT | parse, classify, find and resolve the reported messages "
                 f"| {java[0]:,} | {java[1]:.2f} | {java[2]:,.0f} | {java_c1[2] / java[2]:.1f} |")
    lines.append(f"| abuse-desk `MailReader`, C1 only (Lambda) | the same | {java_c1[0]:,} | {java_c1[1]:.2f} "
                 f"| {java_c1[2]:,.0f} | 1.0 |")
    lines.append(f"| Node `mailparser` {machine.get('mailparser', '')} `simpleParser` | parse, decode "
                 f"every part and attachment | {node[0]:,} | {node[1]:.2f} | {node[2]:,.0f} | {java_c1[2] / node[2]:.1f} |")
    lines.append(f"| Python `email` (`policy.default`), every part's content | parse, walk and decode every part "
                 f"| {python[0]:,} | {python[1]:.2f} | {python[2]:,.0f} | {java_c1[2] / python[2]:.1f} |")
    if gmime is not None:
        lines.append(f"| GMime {machine.get('gmime', '')} (C), every leaf part decoded | parse, walk and decode every "
                     f"part | {gmime[0]:,} | {gmime[1]:.2f} | {gmime[2]:,.0f} | {java_c1[2] / gmime[2]:.2f} |")
    goals.append((f"parse+classify+resolve ≥ {NODE_GOAL:.0f}× Node mailparser (messages/s)",
                  f"{java_c1[2] / node[2]:.1f}× with C1 only (Lambda), {java[2] / node[2]:.1f}× with the default JIT",
                  status(java_c1[2] >= NODE_GOAL * node[2])))
    goals.append((f"parse+classify+resolve ≥ {PYTHON_GOAL:.0f}× Python email (messages/s)",
                  f"{java_c1[2] / python[2]:.1f}× with C1 only (Lambda), {java[2] / python[2]:.1f}× with the default JIT",
                  status(java_c1[2] >= PYTHON_GOAL * python[2])))
    if gmime is not None:
        goals.append((f"parse+classify+resolve ≥ {GMIME_GOAL}× GMime (messages/s)",
                      f"{java_c1[2] / gmime[2]:.2f}× with C1 only (Lambda), {java[2] / gmime[2]:.2f}× with the default JIT",
                      status(java_c1[2] >= GMIME_GOAL * gmime[2])))


def zip_goals(zips, goals):
    biggest = max(zips.values())
    over = [name for name, size in zips.items() if size > ZIP_LIMIT]
    goals.append(("every function zip ≤ 15 MiB",
                  ", ".join(f"{name} {mib(size)}" for name, size in zips.items()),
                  status(not over) + ("" if not over else f" ({len(over)} of {len(zips)} over; largest {mib(biggest)})")))


def load_section(results, lines, goals):
    load = properties(os.path.join(results, "load.properties"))
    if not load:
        lines.append("The load run left no results: see target/perf/load.log.")
        goals.append(("load run: zero lost or double-counted", "no result", status(False)))
        return
    sent = int(load["sent"])
    lines.append(f"{sent:,} complaints sent at {load['rate']}/s ({load['sentForms']} form posts as JSON to "
                 f"`POST /complaints`, {load['sentMails']} complaint mails by SMTP), on {load['mailings']} registered "
                 f"mailings, the form posts from {load.get('sources', '?')} loopback addresses; the sends were "
                 f"spread over {load.get('scheduleSeconds', '?')} s ({load['achievedRate']}/s achieved) and the last "
                 f"answer came {load['sendSeconds']} s after the first send.")
    lines.append("")
    lines.append("| count | value |")
    lines.append("| --- | ---: |")
    for key, label in (("accepted", "in: accepted (202 / 250)"), ("refused", "refused or failed at intake"),
                       ("stored", "stored (complaints table items)"), ("processed", "processed (past RECEIVED)"),
                       ("pending", "not yet processed when the run stopped"),
                       ("notified", "in an abuse-team mail (alone or in a summary)"),
                       ("mailingCounters", "sum of the mailings' complaint counters"),
                       ("countedTwice", "counted twice by the processor"),
                       ("lost", "lost"), ("doubleCounted", "double-counted"),
                       ("notifiedTwice", "in more than one abuse-team mail"),
                       ("teamMails", "abuse-team mails"), ("summaryMails", "of which summaries of several complaints"),
                       ("acknowledgements", "acknowledgements to complainants")):
        lines.append(f"| {label} | {int(load.get(key, '0')):,} |")
    lines.append("")
    lines.append("| latency / rate | value |")
    lines.append("| --- | ---: |")
    for key, label, unit in (("intakeP50Ms", "intake latency p50 (all)", "ms"),
                             ("intakeP99Ms", "intake latency p99 (all)", "ms"),
                             ("formP50Ms", "form post p50", "ms"), ("formP99Ms", "form post p99", "ms"),
                             ("mailP50Ms", "SMTP transaction p50", "ms"), ("mailP99Ms", "SMTP transaction p99", "ms"),
                             ("acceptedToProcessedP50Ms", "form post accepted → processed, p50", "ms"),
                             ("acceptedToProcessedP99Ms", "form post accepted → processed, p99", "ms"),
                             ("processorThroughput", "processor throughput (first to last processed)", "complaints/s"),
                             ("processedAfterSendMs", "last processed after the last send", "ms"),
                             ("drainSeconds", "until every complaint was in an abuse-team mail, after the last send",
                              "s")):
        if key in load:
            lines.append(f"| {label} | {float(load[key]):,.1f} {unit} |")
    consistent = load.get("consistent") == "true"
    drained = load.get("drained") == "true"
    lines.append("")
    if drained:
        lines.append("Every accepted complaint was processed and in an abuse-team mail before the run's time was up.")
    else:
        lines.append(f"**The run's time was up with {int(load.get('pending', '0')):,} complaints not yet processed**: "
                     "they were still queued, not lost, but the end-to-end counts could not close. Lost and "
                     "double-counted are then counted only where they can be (intake, and the processor's own log).")
    if int(load.get("notifiedTwice", "0")) > 0:
        lines.append("")
        lines.append(f"{int(load['notifiedTwice']):,} complaints were named in two abuse-team mails (target/perf/load.log "
                     "lists them with both subjects). They were counted once; the abuse team heard of them twice. The "
                     "notification is written after the mail is sent, so that a failure repeats a mail rather than "
                     "loses it: at least once, by design; here it happened without a failure.")
    measured = (f"in {int(load['accepted']):,} = stored {int(load['stored']):,} = processed "
                f"{int(load['processed']):,} = notified {int(load['notified']):,}; lost {load['lost']}, "
                f"double-counted {load.get('doubleCounted', '?')}")
    if not drained:
        measured += f"; {int(load.get('pending', '0')):,} still queued when the run stopped"
    if int(load.get("notifiedTwice", "0")) > 0:
        measured += f"; {int(load['notifiedTwice']):,} mailed twice"
    goals.append(("load run: zero lost or double-counted", measured, status(consistent)))


def main():
    results, target = sys.argv[1], sys.argv[2]
    machine = properties(os.path.join(results, "machine.properties"))
    zips = {name: int(size) for name, size in properties(os.path.join(results, "zips.properties")).items()}
    goals = []
    body = []

    body.append("## 1. Warm paths (JMH)")
    body.append("")
    body.append("Average time per operation, one fork per JIT setting (the same benchmark, the same machine, one after "
                "the other), mean ± 99.9 % confidence half-width.")
    body.append("")
    warm_section(results, body, goals)
    body.append("")
    body.append("## 2. Cold-start proxy")
    body.append("")
    cold_section(results, zips, body, goals)
    body.append("")
    body.append("## 3. Parser peers")
    body.append("")
    parser_section(results, machine, body, goals)
    body.append("")
    body.append("## 4. Load through the local stack")
    body.append("")
    load_section(results, body, goals)
    body.append("")
    zip_goals(zips, goals)

    lines = []
    lines.append("# Performance")
    lines.append("")
    lines.append("Measured side by side by one command, which also wrote this page from what it measured:")
    lines.append("")
    lines.append("```")
    lines.append("tools/performance          # 15 to 20 minutes on 2 cores; --quick for a smoke run, --skip-build to reuse the build")
    lines.append("```")
    lines.append("")
    lines.append("Raw results (JMH, hyperfine JSON, class-load logs, the load run's counts) stay in `target/perf/`. "
                 "Every number below is from the run of " + machine.get("date", "?") +
                 (" — a **quick** smoke run, whose numbers mean little" if machine.get("quick") == "true" else "") +
                 ".")
    lines.append("")
    lines.append("## Machine")
    lines.append("")
    lines.append("| | |")
    lines.append("| --- | --- |")
    for key, label in (("cpu", "CPU"), ("cores", "cores"), ("memory", "memory"), ("os", "OS"), ("jdk", "JDK"),
                       ("node", "Node"), ("python", "Python"), ("hyperfine", "hyperfine"),
                       ("mailparser", "mailparser"), ("gmime", "GMime")):
        lines.append(f"| {label} | {machine.get(key, '?')} |")
    lines.append(f"| load average (1, 5, 15 min) | {machine.get('loadBefore', '?')} before, "
                 f"{machine.get('loadAfter', '?')} after |")
    lines.append(f"| run time | {int(machine.get('seconds', '0')) // 60} min {int(machine.get('seconds', '0')) % 60} s |")
    lines.append("")
    cores = int(machine.get("cores", "1") or "1")
    load_before = float(machine.get("loadBefore", "0 0 0").split()[0])
    if load_before > cores * 0.5:
        lines.append(f"The machine was busy with other work when the run began (load average {load_before:.1f} on "
                     f"{cores} cores): absolute times are inflated and noisy; the side-by-side ratios, measured in the "
                     "same run under the same load, are the more telling numbers.")
        lines.append("")
    lines.append("## Goals")
    lines.append("")
    lines.append("| goal | measured | |")
    lines.append("| --- | --- | --- |")
    for goal, measured, verdict in goals:
        lines.append(f"| {goal} | {measured} | {verdict} |")
    lines.append("")
    lines.append("Each goal is judged on the functions as they are deployed: C1 only (template.yaml's "
                 "`JAVA_TOOL_OPTIONS`) and, for cold starts, without an AppCDS archive. The default JIT and AppCDS are "
                 "shown beside them for reference.")
    lines.append("")
    lines.append("## Method")
    lines.append("")
    lines.append(METHOD.strip())
    lines.append("")
    lines.extend(body)
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(lines).rstrip() + "\n")


METHOD = """
**Warm paths.** JMH 1.37 (module `benchmarks`), warm-up 3 × 1 s and 5 × 1 s measured per benchmark (`--quick`:
1 × 0.3 s and 2 × 0.3 s), in two forks: `-XX:+TieredCompilation -XX:TieredStopAtLevel=1` (template.yaml's `JAVA_TOOL_OPTIONS`, what Lambda runs) and
the JVM's default tiered JIT. Every AWS call is replaced by the in-memory fakes of shared's tests; log lines are
formatted as in Lambda and written to `/dev/null`.
- *Form submission*: `ComplaintFormHandler.handleRequest` with the sample event of `events/apigw/submit-complaint.json`
  (JSON, from distinct source addresses): reading, validation, rate limit, idempotency, storing, metrics, the 202.
  Batches of 200 on a fresh desk, made outside the measurement; the score is per submission.
- *Parse + classify + resolve*: `MailReader.read` (the inbound function's reader, DKIM aside: it needs DNS) over each
  fixture class: the public corpus's `arf`, `bounces`, `auto-replies` and `inline-forwards`, and the project's own
  fixtures (`project`: shared/src/test/resources/inbound), round robin through the class's files.
- *Queue message*: `ComplaintProcessorHandler.handleRequest` with one SQS record, on shared's `InMemoryDesk`: counted
  on mailing and account, suppression, escalation check, acknowledgement, the abuse team's mail composed. Each
  complaint is its mailing's first, so each is mailed at once (the path with the most work); batches of 200.

**Cold-start proxy.** For each function a fresh JVM (`-XX:+TieredCompilation -XX:TieredStopAtLevel=1`) on the
function's own zip, unzipped as Lambda lays it out (`lib/*.jar`, and its classes, jarred so that AppCDS can archive
them), runs `ColdStart`: constructs the handler with the environment the local stack gives it, reads one realistic
event as the runtime would (Jackson into the handler's event type, or the raw stream), handles it against a moto
server on 127.0.0.1 with template.yaml's resources (created by the local stack's code), checks the answer and exits.
Every run handles a fresh event (a form post; a complaint mail stored in the bucket with its SES event; two received
complaints on fresh registered mailings; an admin read of a case), so no run finds its work done. The baseline runs
the same way with a minimal handler that builds the DynamoDB client as the project does (URL connection client,
region, endpoint, default credentials chain) and puts one item; its classpath is the SDK's DynamoDB client, Jackson
and the Lambda interfaces only. hyperfine times all five in one invocation, without and then with an AppCDS archive
that one run per function wrote (`-XX:ArchiveClassesAtExit`, then `-XX:SharedArchiveFile`). Classes loaded are counted
from `-Xlog:class+load` of one more run; "from archives" counts those the JDK's default archive and the AppCDS
archive provided. The proxy leaves out what Lambda adds (its runtime's own start, the download and unpacking of the
zip, SnapStart), and moto answers more slowly than DynamoDB does.

**Parser peers.** The same files, read into memory first; a few untimed warm-up passes, then the timed passes, one
process per parser: our `MailReader` (default JIT, and C1 only), Node's `mailparser` `simpleParser` (pinned version,
installed by the script into target/), Python's `email.message_from_bytes(policy=policy.default)` walking every part
and decoding its content, and GMime 3 (C, `benchmarks/src/main/peers/gmime-peer.c`, built by the script with `cc -O2`
against Debian's `libgmime-3.0-dev`) parsing each mail from memory and decoding every leaf part, attached messages
included. Ours does more per mail (classification, reported messages, Mailing ID resolution); the
peers decode attachments, which ours reads only where it needs them.

**Load.** `LoadRun` starts the local stack in one process as `./abuse-desk local` does (moto, template.yaml's
resources, HTTP API, SMTP listener, pipe relay, queue poller, all on 127.0.0.1), registers the mailings, then sends
form posts and SMTP mails alternately at a fixed rate (open loop: each send on its own virtual thread at its
scheduled time). Per-source rate limit raised to the count (every post comes from 127.0.0.1) and the storm-control
window at the template's minimum of 1 minute, so that summaries happen within the run; the flush function's schedule
is run every 3 s rather than every minute while waiting. Then it counts: accepted at intake, items in the complaints
table, items past RECEIVED, complaint references in the abuse team's mails in moto's SES outbox (a summary names
several), references in more than one mail, the mailings' complaint counters, and the processor's own log lines
(when each complaint was counted, and whether any was counted twice). Intake latency is the client's: from the start
of the HTTP request, or of the SMTP connection, to the 202 or the 250 after the data.
"""

if __name__ == "__main__":
    main()
