"""Verifies a webhook's x-webhook-signature-v2 header (docs/domain/juspay.md#webhooks).
Python 3.8 or later; standard library only. The body is the request body exactly as received.

    python3 verify_webhook.py RESPONSE_KEY SIGNATURE_HEADER < body.json    # exit 0 when valid
"""
import hashlib
import hmac
import re
import sys
import time

TOLERANCE_SECONDS = 300


def verify_webhook(raw_body, signature_header, response_key, now_seconds=None):
    """'ok', or why the delivery is refused: 'missing', 'malformed', 'mismatch' or 'outside tolerance'."""
    if not signature_header:
        return "missing"
    pairs = [part.strip().split("=", 1) for part in signature_header.split(",")]
    timestamps = [pair[1] for pair in pairs if len(pair) == 2 and pair[0] == "t"]
    signatures = [pair[1] for pair in pairs if len(pair) == 2 and pair[0] == "v1"]
    if not timestamps or not re.fullmatch(r"\d+", timestamps[0]) or not signatures:
        return "malformed"
    timestamp = timestamps[0]
    signed = timestamp.encode() + b"." + raw_body
    expected = hmac.new(response_key.encode(), signed, hashlib.sha256).hexdigest()
    if not any(hmac.compare_digest(expected, signature) for signature in signatures):
        return "mismatch"
    now = int(time.time()) if now_seconds is None else now_seconds
    if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        return "outside tolerance"
    return "ok"


if __name__ == "__main__":
    result = verify_webhook(sys.stdin.buffer.read(), sys.argv[2], sys.argv[1])
    print(result)
    sys.exit(0 if result == "ok" else 1)
