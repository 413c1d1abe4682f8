//! A minimal XML writer for the GEXF and `GraphML` exports: indentation, elements and escaping.
//!
//! Escaping covers the five markup characters, writes tab, line feed and carriage return as
//! character references (so attribute values keep them instead of normalising them to spaces),
//! and replaces characters XML 1.0 cannot carry at all (other C0 controls, U+FFFE, U+FFFF) with
//! U+FFFD.

/// Appends `text` to `out`, escaped for use in element content or a quoted attribute value.
pub(super) fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production, minus the three
/// whitespace controls handled by the caller).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// An XML document under construction, two spaces per level of nesting.
pub(super) struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    /// Starts a UTF-8 document with its XML declaration.
    pub(super) fn new() -> Self {
        Self {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            depth: 0,
        }
    }

    fn start_tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(value, &mut self.out);
            self.out.push('"');
        }
    }

    /// `<name attrs…>` on its own line; the content that follows is indented.
    pub(super) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start_tag(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    /// `</name>`, closing the element opened last.
    pub(super) fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attrs…/>`.
    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start_tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// `<name attrs…>text</name>` on one line.
    pub(super) fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start_tag(name, attrs);
        self.out.push('>');
        escape_into(text, &mut self.out);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    pub(super) fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape_into(text, &mut out);
        out
    }

    #[test]
    fn escapes_markup_whitespace_and_forbidden_characters() {
        assert_eq!(
            escaped(r#"A&B <c> "d" 'e'"#),
            "A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        );
        assert_eq!(escaped("a\tb\nc\r"), "a&#9;b&#10;c&#13;");
        assert_eq!(
            escaped("x\u{0}y\u{1b}z\u{FFFF}"),
            "x\u{FFFD}y\u{FFFD}z\u{FFFD}"
        );
        assert_eq!(escaped("Łódź 北京 🚀"), "Łódź 北京 🚀");
    }

    #[test]
    fn writes_nested_elements() {
        let mut xml = Xml::new();
        xml.open("a", &[("k", "v&")]);
        xml.leaf("b", &[], "t<");
        xml.empty("c", &[("x", "1")]);
        xml.close("a");
        assert_eq!(
            xml.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a k=\"v&amp;\">\n  <b>t&lt;</b>\n  <c x=\"1\"/>\n</a>\n"
        );
    }
}
