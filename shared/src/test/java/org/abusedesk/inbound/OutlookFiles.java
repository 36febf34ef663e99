package org.abusedesk.inbound;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Writes minimal Outlook .msg files (an OLE2 file of MAPI property streams), which POI's HSMF reads. */
final class OutlookFiles {

    private OutlookFiles() {}

    static byte[] message(String subject, String transportHeaders, String body) {
        try (var fs = new POIFSFileSystem()) {
            // __substg1.0_<property id><type 001F = UTF-16LE string>
            fs.createDocument(utf16(subject), "__substg1.0_0037001F");
            fs.createDocument(utf16(transportHeaders), "__substg1.0_007D001F");
            fs.createDocument(utf16(body), "__substg1.0_1000001F");
            var out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteArrayInputStream utf16(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_16LE));
    }
}
