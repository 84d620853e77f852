package org.crema.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A TeX-like label for axes and legends, as physicists write them: {@code p_{T}}, {@code \eta},
 * {@code \Delta R}, {@code m_{\mu\mu}}, {@code E_{T}^{miss}}. The supported subset: Greek letters
 * ({@code \alpha}…{@code \omega}, capitals such as {@code \Delta}), {@code \ell}, a few symbols
 * ({@code \bar{t}}, {@code \to}, {@code \pm}, {@code \times}, {@code \sqrt}, {@code \cdot}, {@code \geq}, {@code \leq}),
 * sub- and superscripts with a braced group or a single character (nestable), {@code \mathrm{…}} and
 * {@code \text{…}} (shown upright, as all text here is), thin spaces {@code \,}, and {@code $}
 * delimiters, which are dropped. Unknown commands are shown as typed, so nothing silently vanishes.
 *
 * <p>{@link #parse} turns the string into runs of Unicode text at a script level; {@link #draw}
 * renders them with any {@link Graphics2D}, so PNG, SVG and PDF show the same label.
 */
public final class TexLabel {
    /**
     * A piece of text and its script nesting, outermost first: {@code ""} on the baseline, {@code "^"}
     * a superscript, {@code "_"} a subscript, {@code "^_"} a subscript inside a superscript.
     */
    public record Run(String text, String scripts) {}

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"),
            Map.entry("theta", "θ"), Map.entry("iota", "ι"), Map.entry("kappa", "κ"), Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("xi", "ξ"), Map.entry("pi", "π"),
            Map.entry("rho", "ρ"), Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("upsilon", "υ"),
            Map.entry("phi", "φ"), Map.entry("varphi", "φ"), Map.entry("chi", "χ"), Map.entry("psi", "ψ"),
            Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"), Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"),
            Map.entry("Lambda", "Λ"), Map.entry("Xi", "Ξ"), Map.entry("Pi", "Π"), Map.entry("Sigma", "Σ"),
            Map.entry("Upsilon", "Υ"), Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"),
            Map.entry("ell", "ℓ"), Map.entry("to", "→"), Map.entry("rightarrow", "→"), Map.entry("pm", "±"),
            Map.entry("times", "×"), Map.entry("sqrt", "√"), Map.entry("cdot", "·"), Map.entry("geq", "≥"),
            Map.entry("leq", "≤"), Map.entry("ge", "≥"), Map.entry("le", "≤"), Map.entry("infty", "∞"),
            Map.entry("circ", "°"), Map.entry("prime", "′"), Map.entry("oplus", "⊕"));

    /** Script text is this fraction of the enclosing size. */
    private static final float SCRIPT_SCALE = 0.7f;

    private TexLabel() {}

    /**
     * @param tex the label, e.g. {@code m_{\mu\mu} [GeV]}
     * @return its runs in reading order (adjacent runs at the same level merged)
     */
    public static List<Run> parse(String tex) {
        List<Run> out = new ArrayList<>();
        new Parser(tex, out).group("", false);
        return out;
    }

    /**
     * @param name a plain name, e.g. a dataset {@code DYJetsToLL_M50_2018}
     * @return the name with TeX's special characters escaped, so it is shown exactly as given
     */
    public static String escape(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if ("_^{}$\\".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** @return the label as plain Unicode, scripts inline (for file names, logs and SVG titles) */
    public static String plain(String tex) {
        StringBuilder sb = new StringBuilder();
        for (Run r : parse(tex)) {
            sb.append(r.text());
        }
        return sb.toString();
    }

    /**
     * Draws the label with its baseline starting at (x, y) in the graphics' current font and paint.
     *
     * @return the advance (width) drawn
     */
    public static double draw(Graphics2D g, String tex, double x, double y) {
        return layout(g, tex, x, y, true);
    }

    /** @return the width the label takes in the graphics' current font */
    public static double width(Graphics2D g, String tex) {
        return layout(g, tex, 0, 0, false);
    }

    private static double layout(Graphics2D g, String tex, double x, double y, boolean paint) {
        Font base = g.getFont();
        FontRenderContext frc = g.getFontRenderContext();
        double cx = x;
        for (Run r : parse(tex)) {
            int depth = r.scripts().length();
            float size = base.getSize2D() * (float) Math.pow(SCRIPT_SCALE, depth);
            Font f = base.deriveFont(size);
            // Raise superscripts by ~0.4 em and lower subscripts by ~0.2 em of the base size per level.
            double dy = 0;
            for (int l = 1; l <= depth; l++) {
                double levelSize = base.getSize2D() * Math.pow(SCRIPT_SCALE, l - 1);
                dy += r.scripts().charAt(l - 1) == '^' ? -0.40 * levelSize : 0.22 * levelSize;
            }
            Rectangle2D bounds = f.getStringBounds(r.text(), frc);
            if (paint) {
                g.setFont(f);
                // SVG viewers drop a text element's leading spaces: draw the text after them instead.
                String text = r.text().stripLeading();
                double lead = f.getStringBounds(r.text().substring(0, r.text().length() - text.length()), frc).getWidth();
                if (!text.isEmpty()) {
                    g.drawString(text, (float) (cx + lead), (float) (y + dy));
                }
            }
            cx += bounds.getWidth();
        }
        g.setFont(base);
        return cx - x;
    }

    private static final class Parser {
        private final String s;
        private final List<Run> out;
        private int pos;

        Parser(String s, List<Run> out) {
            this.s = s;
            this.out = out;
        }

        /** Parses until the end or a closing brace (when {@code braced}). */
        void group(String level, boolean braced) {
            StringBuilder text = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '}' && braced) {
                    pos++;
                    break;
                }
                pos++;
                switch (c) {
                    case '$' -> { }
                    case '{' -> {
                        flush(text, level);
                        group(level, true);
                    }
                    case '_', '^' -> {
                        flush(text, level);
                        String inner = level + c;
                        script(inner);
                    }
                    case '\\' -> text.append(command());
                    default -> text.append(c);
                }
            }
            flush(text, level);
        }

        /** A script's argument: a braced group, a command, or one character. */
        private void script(String level) {
            if (pos >= s.length()) {
                return;
            }
            char c = s.charAt(pos);
            if (c == '{') {
                pos++;
                group(level, true);
            } else if (c == '\\') {
                pos++;
                add(command(), level);
            } else {
                pos++;
                add(String.valueOf(c), level);
            }
        }

        /** Reads a command after the backslash and returns its text. */
        private String command() {
            if (pos >= s.length()) {
                return "\\";
            }
            char c = s.charAt(pos);
            if (!Character.isLetter(c)) {
                pos++;
                return switch (c) {
                    case ',', ';', ' ' -> "\u2009";
                    case '%', '$', '{', '}', '_', '^', '#', '&', '\\' -> String.valueOf(c);
                    default -> "\\" + c;
                };
            }
            int start = pos;
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            String name = s.substring(start, pos);
            if ((name.equals("bar") || name.equals("overline")) && pos < s.length() && s.charAt(pos) == '{') {
                // \bar{t}: each letter followed by a combining macron, "t̄".
                int close = s.indexOf('}', pos);
                if (close > pos) {
                    String arg = s.substring(pos + 1, close);
                    pos = close + 1;
                    StringBuilder sb = new StringBuilder();
                    for (char ch : arg.toCharArray()) {
                        sb.append(ch).append('\u0304');
                    }
                    return sb.toString();
                }
            }
            if (name.equals("mathrm") || name.equals("text") || name.equals("textrm") || name.equals("mathit")) {
                return ""; // the following braced group is parsed as ordinary text
            }
            String sym = SYMBOLS.get(name);
            // As in TeX, a space after a command name only ends the name: "\Delta R" reads "ΔR".
            if (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
            return sym != null ? sym : "\\" + name;
        }

        private void flush(StringBuilder text, String level) {
            if (!text.isEmpty()) {
                add(text.toString(), level);
                text.setLength(0);
            }
        }

        private void add(String text, String level) {
            if (text.isEmpty()) {
                return;
            }
            if (!out.isEmpty() && out.getLast().scripts().equals(level)) {
                Run last = out.removeLast();
                out.add(new Run(last.text() + text, level));
            } else {
                out.add(new Run(text, level));
            }
        }
    }
}
