"""Verifies the signed query the sandbox (like Juspay) appends to the merchant's return_url
(docs/domain/juspay.md#return-url-signature). Python 3.8 or later; standard library only.

    python3 verify_return.py RESPONSE_KEY RETURN_URL    # exit 0 when the signature is valid
"""
import base64
import hashlib
import hmac
import sys
from urllib.parse import parse_qsl, quote, urlsplit


def encode_uri_component(text):
    """JavaScript's encodeURIComponent: everything but A-Z a-z 0-9 - _ . ! ~ * ' ( ) percent-encoded."""
    return quote(text, safe="-_.!~*'()")


def verify_return_url(return_url, response_key):
    """True when the URL's `signature` is the HMAC-SHA256 of its other parameters under response_key."""
    pairs = []
    signature = None
    for key, value in parse_qsl(urlsplit(return_url).query, keep_blank_values=True):
        if key == "signature":
            signature = value
        elif key != "signature_algorithm":
            pairs.append((encode_uri_component(key), encode_uri_component(value)))
    if signature is None:
        return False
    # Sorted by encoded key (ASCII once encoded, so plain order); the sort is stable, so repeated keys keep their order.
    pairs.sort(key=lambda pair: pair[0])
    message = encode_uri_component("&".join(f"{key}={value}" for key, value in pairs))
    digest = hmac.new(response_key.encode(), message.encode(), hashlib.sha256).digest()
    return hmac.compare_digest(base64.b64encode(digest).decode(), signature)


if __name__ == "__main__":
    key, url = sys.argv[1], sys.argv[2]
    valid = verify_return_url(url, key)
    print("valid" if valid else "invalid")
    sys.exit(0 if valid else 1)
