"""One page's body shown inside another keeps working links and unique ids."""

from bantin.embed import rebase

BODY = ('<h2 id="i-mục-đích">I. MỤC ĐÍCH<a class="headerlink" href="#i-mục-đích">¶</a></h2>'
        '<p>Thực hiện <a href="../../../dan-chieu/18-nq-tw-2017/">Nghị quyết số 18-NQ/TW</a>'
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>; '
        '<a href="https://example.vn/x">x</a></p>')


def test_links_are_rebased_and_ids_prefixed_for_directory_urls() -> None:
    out = rebase(BODY, "van-ban/2024/02-kh-btgduk/", "ban-tin/2024-12/", "van-ban-1")
    assert out == (
        '<h2 id="van-ban-1-i-mục-đích">I. MỤC ĐÍCH<a class="headerlink" href="#van-ban-1-i-mục-đích">¶</a></h2>'
        '<p>Thực hiện <a href="../../dan-chieu/18-nq-tw-2017/">Nghị quyết số 18-NQ/TW</a>'
        '<sup id="van-ban-1-fnref:1"><a class="footnote-ref" href="#van-ban-1-fn:1">1</a></sup>; '
        '<a href="https://example.vn/x">x</a></p>')


def test_links_are_rebased_for_html_urls_of_the_offline_copy() -> None:
    body = '<a href="../../dan-chieu/18-nq-tw-2017.html">x</a>'
    assert rebase(body, "van-ban/2024/02-kh-btgduk.html", "ban-tin/2024-12.html", "d") == (
        '<a href="../dan-chieu/18-nq-tw-2017.html">x</a>')


def test_a_link_to_another_pages_anchor_keeps_its_anchor() -> None:
    body = '<a href="../229-cv-btghu/#ii-nội-dung">x</a>'
    assert rebase(body, "van-ban/2024/02-kh-btgduk/", "ban-tin/2024-12/", "d") == (
        '<a href="../../van-ban/2024/229-cv-btghu/#ii-nội-dung">x</a>')
