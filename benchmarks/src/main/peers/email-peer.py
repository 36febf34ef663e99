"""The Python side of the parser comparison: the standard library's email package over the same files.

Each mail is parsed with email.message_from_bytes(policy=policy.default) and every part walked, its content
decoded (get_content), as a reader of complaints would. Usage: email-peer.py <list-file> <loops> <warm-up>;
prints "messages seconds messages-per-second".
"""

import email
import sys
import time
from email import policy


def read(mail):
    message = email.message_from_bytes(mail, policy=policy.default)
    found = len(message.get("subject", "") or "")
    for part in message.walk():
        if part.is_multipart():
            continue
        try:
            content = part.get_content()
        except (LookupError, ValueError, AssertionError):
            content = part.get_payload(decode=True) or b""
        found += 1 if content else 0
    return found


def main():
    list_file, loops, warm_up = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open(list_file, encoding="utf-8") as f:
        files = [line.strip() for line in f if line.strip()]
    mails = []
    for name in files:
        with open(name, "rb") as f:
            mails.append(f.read())
    sink = 0
    for _ in range(warm_up):
        for mail in mails:
            sink += read(mail)
    start = time.perf_counter()
    for _ in range(loops):
        for mail in mails:
            sink += read(mail)
    seconds = time.perf_counter() - start
    messages = loops * len(mails)
    print(f"{messages} {seconds:.3f} {messages / seconds:.1f}")
    if sink < 0:
        print(sink)


if __name__ == "__main__":
    main()
