"""Which approval state a quote may move to, and what each state needs.

captured → sent for approval → approved / rejected; internal only from anywhere. A request may be
sent again (a reminder, or after a rejection, with new wording); an approval can be withdrawn
(back to captured or internal only). Rejected only follows a request: nobody rejected what
they were never asked about.
"""

from delegation_app.domain.enums import ApprovalState as S
from delegation_app.i18n import _
from delegation_app.i18n.labels import label

ALLOWED: dict[S, frozenset[S]] = {
    S.CAPTURED: frozenset({S.SENT_FOR_APPROVAL, S.APPROVED, S.INTERNAL_ONLY}),
    S.SENT_FOR_APPROVAL: frozenset(
        {S.SENT_FOR_APPROVAL, S.APPROVED, S.REJECTED, S.INTERNAL_ONLY, S.CAPTURED}
    ),
    S.APPROVED: frozenset({S.SENT_FOR_APPROVAL, S.INTERNAL_ONLY, S.CAPTURED}),
    S.REJECTED: frozenset({S.SENT_FOR_APPROVAL, S.INTERNAL_ONLY, S.CAPTURED}),
    S.INTERNAL_ONLY: frozenset({S.CAPTURED, S.SENT_FOR_APPROVAL, S.APPROVED}),
}

# May appear in a press pack or a press release: only what the speaker approved.
PUBLISHABLE = frozenset({S.APPROVED})


def may_move(old: S, new: S) -> bool:
    return old == new or new in ALLOWED[old]


def refusal(old: S, new: S) -> str:
    """The one-line message for a move that is not allowed."""
    return _("A quote that is “{old}” cannot be marked “{new}”.").format(old=label(old), new=label(new))
