package dev.pat.shell;

/** Draws a QR code with Unicode half blocks, two modules per character row, with the quiet zone. */
final class QrCode {
    private QrCode() {
    }

    static String draw(String text) {
        io.nayuki.qrcodegen.QrCode qr = io.nayuki.qrcodegen.QrCode.encodeText(text,
                io.nayuki.qrcodegen.QrCode.Ecc.MEDIUM);
        int border = 2;
        StringBuilder out = new StringBuilder();
        for (int y = -border; y < qr.size + border; y += 2) {
            for (int x = -border; x < qr.size + border; x++) {
                boolean top = qr.getModule(x, y);
                boolean bottom = qr.getModule(x, y + 1);
                // light text on a dark terminal: a dark module is a space, a light one is a block
                out.append(!top && !bottom ? '█' : !top ? '▀' : !bottom ? '▄' : ' ');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
