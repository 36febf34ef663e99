package org.abusedesk.inbound;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Reads one message into a tree of {@link MimeEntity}, within the limits: mime4j's pull parser is driven token by
 * token, so the parse can stop anywhere and keep what it has. Attached messages stay bytes here; whoever needs one
 * reads it with a fresh call, one level deeper.
 */
final class MimeReader {

    private static final int CHUNK = 8 * 1024;
    /** A line break followed by white space: where a header field was folded. */
    private static final Pattern FOLD = Pattern.compile("\r?\n(?=[ \t])");

    private final ParseBudget budget;
    private final InboundLimits limits;
    /** One for every part of the message, made for its first: a new one per part cost more than most parts. */
    private byte[] buffer;

    MimeReader(ParseBudget budget) {
        this.budget = budget;
        this.limits = budget.limits();
    }

    /**
     * The message tree; null only when the budget allows no entity at all.
     *
     * @param attached the message is the content of an attached message part, which was counted as that part
     */
    MimeEntity read(byte[] raw, int depth, boolean attached) {
        if (!attached && !budget.takePart()) {
            return null;
        }
        var config = new MimeConfig.Builder()
                .setStrictParsing(false)
                .setMaxLineLen(limits.maxLineLength())
                .setMaxHeaderLen(limits.maxLineLength())
                // Counted here instead: mime4j would end the whole parse at its limit, losing what came before.
                .setMaxHeaderCount(-1)
                .setMaxContentLen(-1)
                .build();
        var stream = new MimeTokenStream(config, DecodeMonitor.SILENT, null);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(new ByteArrayInputStream(raw));
        Deque<Node> open = new ArrayDeque<>();
        Node root = new Node(depth);
        open.push(root);
        try {
            loop:
            for (EntityState state = stream.next(); ; state = stream.next()) {
                if (!budget.timeLeft()) {
                    break;
                }
                Node current = open.peek();
                switch (state) {
                    case T_END_OF_STREAM -> {
                        break loop;
                    }
                    case T_START_BODYPART -> {
                        if (!budget.takePart()) {
                            break loop;
                        }
                        var child = new Node(current.depth + 1);
                        current.children.add(child);
                        open.push(child);
                    }
                    case T_END_BODYPART -> {
                        if (open.size() > 1) {
                            open.pop();
                        }
                    }
                    case T_FIELD -> {
                        // Fields past the limit are skipped before they are even unfolded.
                        if (current.fields.size() < limits.maxHeadersPerPart()) {
                            current.field(stream.getField().getName(), unfold(stream.getField()));
                        } else {
                            budget.markTruncated();
                        }
                    }
                    case T_START_MULTIPART -> {
                        current.describe(stream.getBodyDescriptor());
                        if (current.depth + 1 > limits.maxDepth()) {
                            // Its parts come as raw entities that are skipped: nesting ends here, in bounded time.
                            stream.setRecursionMode(RecursionMode.M_RAW);
                            budget.markTruncated();
                        }
                    }
                    case T_END_MULTIPART -> stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
                    case T_BODY -> {
                        current.describe(stream.getBodyDescriptor());
                        current.content = readContent(stream.getDecodedInputStream());
                    }
                    case T_RAW_ENTITY -> budget.markTruncated();
                    default -> {
                        // start and end of message and header, preamble, epilogue: nothing to keep
                    }
                }
            }
        } catch (MimeException | IOException | RuntimeException e) {
            // Malformed beyond what mime4j tolerates, or over the line limit: keep what was read until here.
            budget.markTruncated();
        }
        return root.build();
    }

    private String unfold(org.apache.james.mime4j.stream.Field field) {
        String body = field.getBody();
        if (body == null) {
            return "";
        }
        return (body.indexOf('\n') < 0 ? body : FOLD.matcher(body).replaceAll("")).strip();
    }

    private byte[] readContent(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        if (buffer == null) {
            buffer = new byte[CHUNK];
        }
        int read;
        while ((read = in.read(buffer)) > 0) {
            int granted = budget.takeBytes(read);
            out.write(buffer, 0, granted);
            if (granted < read || !budget.timeLeft()) {
                break;
            }
        }
        return out.toByteArray();
    }

    /** An entity while it is being read. */
    private final class Node {
        final int depth;
        final List<MailHeaders.Field> fields = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        String mimeType;
        String charset;
        String transferEncoding;
        byte[] content = new byte[0];

        Node(int depth) {
            this.depth = depth;
        }

        void field(String name, String value) {
            if (fields.size() >= limits.maxHeadersPerPart()) {
                budget.markTruncated();
                return;
            }
            fields.add(new MailHeaders.Field(name, value));
        }

        void describe(BodyDescriptor descriptor) {
            mimeType = descriptor.getMimeType();
            charset = descriptor.getCharset();
            transferEncoding = descriptor.getTransferEncoding();
        }

        MimeEntity build() {
            // Built bottom-up with an explicit stack: a deep tree must not recurse here either.
            Deque<Node> pending = new ArrayDeque<>();
            List<Node> order = new ArrayList<>();
            pending.push(this);
            while (!pending.isEmpty()) {
                Node node = pending.pop();
                order.add(node);
                node.children.forEach(pending::push);
            }
            var built = new java.util.IdentityHashMap<Node, MimeEntity>();
            for (int i = order.size() - 1; i >= 0; i--) {
                Node node = order.get(i);
                var parts = node.children.stream().map(built::get).toList();
                built.put(
                        node,
                        new MimeEntity(
                                new MailHeaders(node.fields),
                                node.mimeType,
                                node.charset,
                                node.transferEncoding,
                                node.content,
                                parts,
                                node.depth));
            }
            return built.get(this);
        }
    }
}
