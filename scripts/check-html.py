#!/usr/bin/env python3
"""Checks an HTML report of `tvpa check --format html` with Python's own HTML parser
(html.parser): every element closed in order (void elements excepted), no attribute given
twice, nothing that loads from elsewhere (script, link, img, iframe, object, embed, a src=,
an href that is not a fragment, a url( or @import in the style), one <title>, and the
Content-Security-Policy the page promises. Prints each problem and exits 1 if there is one."""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FORBIDDEN = {"script", "link", "img", "iframe", "object", "embed", "audio", "video", "source", "base", "form"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.titles, self.csp, self.style = [], [], 0, None, ""
        self.in_style = False

    def where(self):
        line, col = self.getpos()
        return f"{line}:{col + 1}"

    def handle_starttag(self, tag, attrs):
        names = [a for a, _ in attrs]
        if len(names) != len(set(names)):
            self.problems.append(f"{self.where()}: <{tag}> repeats an attribute")
        if tag in FORBIDDEN:
            self.problems.append(f"{self.where()}: <{tag}> is not allowed in a self-contained report")
        for name, value in attrs:
            if name == "src" or (name.startswith("on")):
                self.problems.append(f"{self.where()}: attribute {name} on <{tag}>")
            if name == "href" and not (value or "").startswith("#"):
                self.problems.append(f"{self.where()}: <{tag} href={value!r}> leaves the page")
        if tag == "meta" and dict(attrs).get("http-equiv") == "Content-Security-Policy":
            self.csp = dict(attrs).get("content")
        if tag == "title":
            self.titles += 1
        if tag == "style":
            self.in_style = True
        if tag not in VOID:
            self.stack.append((tag, self.where()))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            self.problems.append(f"{self.where()}: </{tag}> closes a void element")
            return
        if tag == "style":
            self.in_style = False
        if not self.stack:
            self.problems.append(f"{self.where()}: </{tag}> closes nothing")
            return
        open_tag, at = self.stack.pop()
        if open_tag != tag:
            self.problems.append(f"{self.where()}: </{tag}> closes <{open_tag}> opened at {at}")

    def handle_data(self, data):
        if self.in_style:
            self.style += data


def main(paths):
    failed = False
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        c = Checker()
        c.feed(text)
        c.close()
        problems = list(c.problems)
        if not text.startswith("<!DOCTYPE html>"):
            problems.append("does not begin with <!DOCTYPE html>")
        for tag, at in c.stack:
            problems.append(f"<{tag}> opened at {at} is never closed")
        if c.titles != 1:
            problems.append(f"{c.titles} <title> elements")
        if c.csp != "default-src 'none'; style-src 'unsafe-inline'":
            problems.append(f"Content-Security-Policy is {c.csp!r}")
        for needle in ("url(", "@import", "@font-face"):
            if needle in c.style:
                problems.append(f"the style uses {needle}")
        for p in problems:
            print(f"{path}: {p}")
        failed = failed or bool(problems)
        if not problems:
            print(f"{path}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
