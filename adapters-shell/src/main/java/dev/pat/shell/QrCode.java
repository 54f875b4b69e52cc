package dev.pat.shell;

/**
 * Draws a QR code with Unicode half blocks, two modules per character row, with the quiet zone. Where colours
 * are allowed, it is drawn black on white whatever the terminal's own colours, as a printed code is; without
 * colours ({@code NO_COLOR}, or output that is not a terminal) a dark module is a block, as on paper, which
 * reads correctly on a light background.
 */
final class QrCode {
    private static final String BLACK_ON_WHITE = "\u001B[30;107m";
    private static final String RESET = "\u001B[0m";

    private QrCode() {
    }

    static String draw(String text, boolean colors) {
        io.nayuki.qrcodegen.QrCode qr = io.nayuki.qrcodegen.QrCode.encodeText(text,
                io.nayuki.qrcodegen.QrCode.Ecc.MEDIUM);
        int border = 2;
        StringBuilder out = new StringBuilder();
        for (int y = -border; y < qr.size + border; y += 2) {
            if (colors) {
                out.append(BLACK_ON_WHITE);
            }
            for (int x = -border; x < qr.size + border; x++) {
                boolean top = qr.getModule(x, y);
                boolean bottom = qr.getModule(x, y + 1);
                // the foreground is dark: a dark module is ink, a light one is background
                out.append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
            }
            if (colors) {
                out.append(RESET);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
