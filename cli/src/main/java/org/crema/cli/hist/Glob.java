package org.crema.cli.hist;

import java.util.regex.Pattern;

/** A shell-style pattern for names: {@code *} any run of characters, {@code ?} one, {@code [abc]} a set. */
record Glob(String text, Pattern pattern) {
    static Glob of(String text) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '[' ? text.indexOf(']', i + 1) : -1;
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (close > i + 1) {
                re.append('[').append(text, i + 1, close).append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return new Glob(text, Pattern.compile(re.toString()));
    }

    boolean isLiteral() {
        return text.chars().noneMatch(c -> c == '*' || c == '?' || c == '[');
    }

    boolean matches(String name) {
        return pattern.matcher(name).matches();
    }
}
