"""Which passwords an analyst account may have: long enough and hard to guess.

Guessability is zxcvbn's estimate (Dropbox's estimator, as used by many sign-up forms): it
knows common passwords, words, keyboard runs, repeats, dates and the account's own name, so
"aaaaaaaaaa", "azertyuiop" or "awa12345678" are refused where a rule on length or classes of
characters would accept them.
"""

from __future__ import annotations

from suivi.errors import SuiviError

MIN_PASSWORD = 10
#: zxcvbn's score from 0 to 4; 3 means more than about 10^8 guesses, beyond reach of an
#: online attack and slow offline against argon2.
MIN_SCORE = 3


def check_password(password: str, name: str) -> None:
    """Refuse (:class:`SuiviError`, one line) a password too short or too easy to guess."""
    if len(password) < MIN_PASSWORD:
        raise SuiviError(f"the password needs at least {MIN_PASSWORD} characters")
    from zxcvbn import zxcvbn

    # zxcvbn's time grows with the length; past 100 characters it reads only the start,
    # which is enough to tell a strong password.
    found = zxcvbn(password[:100], user_inputs=[name, *name.replace(".", " ").split()])
    if found["score"] < MIN_SCORE:
        feedback = found["feedback"]
        advice = [feedback.get("warning") or "", *feedback.get("suggestions", [])]
        said = " ".join(a.rstrip(".") + "." for a in advice if a)
        raise SuiviError(
            "the password is too easy to guess"
            + (f": {said}" if said else "; use several uncommon words")
        )
