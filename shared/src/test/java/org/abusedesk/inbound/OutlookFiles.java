package org.abusedesk.inbound;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Writes Outlook .msg files (an OLE2 file of MAPI property streams), which POI's HSMF reads. */
final class OutlookFiles {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private OutlookFiles() {}

    /** A minimal one: subject, transport headers and body as Unicode strings, nothing else. */
    static byte[] message(String subject, String transportHeaders, String body) {
        try (var fs = new POIFSFileSystem()) {
            // __substg1.0_<property id><type 001F = UTF-16LE string>
            fs.createDocument(utf16(subject), "__substg1.0_0037001F");
            fs.createDocument(utf16(transportHeaders), "__substg1.0_007D001F");
            fs.createDocument(utf16(body), "__substg1.0_1000001F");
            return bytes(fs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One shaped as Outlook saves it: a property stream with the message's code page and fixed-size properties, the
     * named-property storage, a recipient, an attachment, the subject and text body as 8-bit strings (001E) in
     * windows-1252, and an HTML body (1013, binary).
     */
    static byte[] savedByOutlook(String subject, String transportHeaders, String body, String html) {
        try (var fs = new POIFSFileSystem()) {
            var root = fs.getRoot();
            root.createDocument(
                    "__properties_version1.0",
                    stream(properties(32, 1, 1, 1, 1)
                            .fixed(0x3FFD0003, 1252) // PR_MESSAGE_CODEPAGE
                            .fixed(0x0E070003, 1) // PR_MESSAGE_FLAGS: read
                            .fixed(0x00390040, 0x01DA_0000_0000_0000L) // PR_CLIENT_SUBMIT_TIME
                            .variable(0x0037001E, subject.getBytes(WINDOWS_1252).length + 1)
                            .bytes()));
            root.createDocument("__substg1.0_0037001E", stream(nulTerminated(subject.getBytes(WINDOWS_1252))));
            root.createDocument("__substg1.0_007D001F", utf16(transportHeaders));
            root.createDocument("__substg1.0_1000001E", stream(nulTerminated(body.getBytes(WINDOWS_1252))));
            root.createDocument("__substg1.0_10130102", stream(html.getBytes(StandardCharsets.UTF_8)));

            DirectoryEntry names = root.createDirectory("__nameid_version1.0");
            names.createDocument("__substg1.0_00020102", stream(new byte[0])); // GUIDs
            names.createDocument("__substg1.0_00030102", stream(new byte[0])); // entries
            names.createDocument("__substg1.0_00040102", stream(new byte[0])); // names

            DirectoryEntry recipient = root.createDirectory("__recip_version1.0_#00000000");
            recipient.createDocument(
                    "__properties_version1.0",
                    stream(properties(8)
                            .fixed(0x0C150003, 1) // PR_RECIPIENT_TYPE: To
                            .bytes()));
            recipient.createDocument("__substg1.0_3001001F", utf16("Erika Muster"));
            recipient.createDocument("__substg1.0_39FE001F", utf16("erika.muster@example.net"));

            DirectoryEntry attachment = root.createDirectory("__attach_version1.0_#00000000");
            attachment.createDocument(
                    "__properties_version1.0",
                    stream(properties(8)
                            .fixed(0x37050003, 1) // PR_ATTACH_METHOD: by value
                            .bytes()));
            attachment.createDocument("__substg1.0_3707001F", utf16("angebote.pdf"));
            attachment.createDocument("__substg1.0_37010102", stream("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
            return bytes(fs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file with the length its directory gives this stream replaced by {@code claimed} bytes, as a damaged or
     * hostile file has it; the stream's data stays as it was.
     */
    static byte[] withStreamLength(byte[] msg, String stream, int claimed) {
        byte[] name = stream.getBytes(StandardCharsets.UTF_16LE);
        for (int at = 0; at + name.length <= msg.length; at++) {
            if (java.util.Arrays.equals(msg, at, at + name.length, name, 0, name.length)) {
                byte[] patched = msg.clone();
                // A directory entry is 128 bytes, its name first; the stream's size is at offset 120.
                ByteBuffer.wrap(patched, at + 120, 4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(claimed);
                return patched;
            }
        }
        throw new IllegalArgumentException("no stream " + stream);
    }

    /** A property stream: its header (32 bytes on the message, 8 on a recipient or attachment), then 16 a property. */
    private static Properties properties(int headerSize, int... counts) {
        var properties = new Properties();
        var header = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN);
        if (headerSize == 32) {
            header.position(8);
            for (int count : counts) {
                header.putInt(count); // next recipient id, next attachment id, recipients, attachments
            }
        }
        properties.out.writeBytes(header.array());
        return properties;
    }

    private static final class Properties {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Properties fixed(int tag, long value) {
            return entry(tag, value);
        }

        Properties variable(int tag, int size) {
            return entry(tag, size);
        }

        private Properties entry(int tag, long value) {
            var entry = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            entry.putInt(tag).putInt(0x6); // readable and writable
            entry.putLong(value);
            out.writeBytes(entry.array());
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static byte[] nulTerminated(byte[] text) {
        var out = new byte[text.length + 1];
        System.arraycopy(text, 0, out, 0, text.length);
        return out;
    }

    private static byte[] bytes(POIFSFileSystem fs) throws IOException {
        var out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        return out.toByteArray();
    }

    private static ByteArrayInputStream stream(byte[] content) {
        return new ByteArrayInputStream(content);
    }

    private static ByteArrayInputStream utf16(String text) {
        return stream(text.getBytes(StandardCharsets.UTF_16LE));
    }
}
