"""The scanner's burst detector and code parser (no Qt, no device)."""

from __future__ import annotations

from devices.scanner import ENTER, BurstDetector, CodeKind, Verdict, parse_scan

NUMBER = "CSX001-20261201-00042"


def _feed(detector: BurstDetector, text: str, gap: float, start: float = 100.0) -> list[Verdict]:
    at = start
    verdicts = []
    for key in [*text, ENTER]:
        verdicts.append(detector.feed(key, at))
        at += gap
    return verdicts


def test_a_fast_run_ending_in_enter_is_a_scan() -> None:
    detector = BurstDetector()
    verdicts = _feed(detector, NUMBER, 0.004)
    assert verdicts[0] is Verdict.TYPING  # the first key cannot know yet
    assert set(verdicts[1:-1]) == {Verdict.BURST}
    assert verdicts[-1] is Verdict.SCAN and detector.text == NUMBER


def test_the_same_keys_typed_by_a_person_are_typing() -> None:
    detector = BurstDetector()
    assert set(_feed(detector, NUMBER, 0.120)) == {Verdict.TYPING}
    assert detector.text == ""


def test_a_short_fast_run_is_not_a_scan() -> None:
    detector = BurstDetector()
    assert _feed(detector, "12", 0.002)[-1] is Verdict.TYPING  # two keys rolled together


def test_typing_then_a_scan_keeps_only_the_scan() -> None:
    detector = BurstDetector()
    _at = 10.0
    for key in "abc":  # a person types, then pulls the trigger
        detector.feed(key, _at)
        _at += 0.2
    verdicts = _feed(detector, NUMBER, 0.003, start=_at + 0.5)
    assert verdicts[-1] is Verdict.SCAN and detector.text == NUMBER


def test_a_slow_enter_after_a_fast_run_is_typing() -> None:
    detector = BurstDetector()
    at = 0.0
    for key in NUMBER:
        detector.feed(key, at)
        at += 0.002
    assert detector.feed(ENTER, at + 0.5) is Verdict.TYPING


def test_parse_a_receipt_qr_a_barcode_a_licence_and_junk() -> None:
    qr = parse_scan(f"https://zwfw.example.gov.cn/track?no={NUMBER}&v=ABCD23")
    assert (qr.kind, qr.case_number, qr.verify) == (CodeKind.CASE, NUMBER, "ABCD23")
    encoded = parse_scan("https://x.example/track/" + NUMBER.lower())
    assert (encoded.kind, encoded.case_number, encoded.verify) == (CodeKind.CASE, NUMBER, "")
    bar = parse_scan(f" {NUMBER.lower()} ")
    assert (bar.kind, bar.case_number) == (CodeKind.CASE, NUMBER)
    licence = parse_scan("1.2.156.3005.2.11100000000013338W.110105194912310021.0001")
    assert licence.kind is CodeKind.LICENCE
    for junk in ("6901234567892", "https://example.com/?q=1", "hello world", ""):
        assert parse_scan(junk).kind is CodeKind.UNKNOWN, junk


def test_one_late_key_inside_a_long_burst_is_forgiven_but_not_two() -> None:
    detector = BurstDetector()
    at = 0.0
    for i, key in enumerate(NUMBER):
        detector.feed(key, at)
        at += 0.100 if i == 10 else 0.003  # the computer was busy for one key
    assert detector.feed(ENTER, at) is Verdict.SCAN and detector.text == NUMBER
    at = 0.0
    verdicts = []
    for i, key in enumerate(NUMBER):
        verdicts.append(detector.feed(key, at))
        at += 0.100 if i in (10, 14) else 0.003
    assert verdicts[15] is Verdict.TYPING  # the second pause broke the run
    assert detector.feed(ENTER, at) is Verdict.SCAN and detector.text == NUMBER[15:]


def test_a_pause_before_the_sixth_key_is_never_forgiven() -> None:
    detector = BurstDetector()
    at = 0.0
    for i, key in enumerate("ab12345678"):
        detector.feed(key, at)
        at += 0.100 if i == 2 else 0.003
    assert detector.feed(ENTER, at) is Verdict.SCAN and detector.text == "2345678"


def test_a_serial_scanner_on_a_real_pty_feeds_the_same_parser() -> None:
    import os

    from devices.scanner import SerialScanner
    from devices.serial_port import SerialConnection

    master, slave = os.openpty()
    try:
        scanner = SerialScanner(SerialConnection(os.ttyname(slave), 9600))
        qr = f"https://zwfw.example.gov.cn/track?no={NUMBER}&v=ABCD23"
        os.write(master, f"{NUMBER}\r\n{qr[:20]}".encode())
        codes = []
        for _ in range(5):  # a read returns as soon as some bytes are there
            codes += scanner.read(0.5)
            if codes:
                break
        assert [(c.kind, c.case_number) for c in codes] == [(CodeKind.CASE, NUMBER)]
        os.write(master, f"{qr[20:]}\r".encode() + "1.2.156.3005.2.1110\n".encode("gb18030"))
        codes = []
        for _ in range(5):
            codes += scanner.read(0.5)
            if len(codes) >= 2:
                break
        assert [c.kind for c in codes] == [CodeKind.CASE, CodeKind.LICENCE]
        assert codes[0].verify == "ABCD23"
        assert scanner.read(0.1) == []
        scanner.close()
    finally:
        os.close(master)
        os.close(slave)


def test_a_clock_that_goes_back_breaks_the_run() -> None:
    """A key stamped earlier than the one before (another clock, or a time stamp that
    wrapped) is no part of a burst."""
    detector = BurstDetector()
    at = 50.0
    for key in NUMBER:
        assert detector.feed(key, at) is not Verdict.SCAN
        at += 0.003
    assert detector.feed("X", at - 40.0) is Verdict.TYPING  # a new run starts here
    assert detector.feed(ENTER, at - 39.997) is Verdict.TYPING  # one key: not a scan
