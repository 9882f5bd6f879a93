"""Nothing typed is lost when the session ends: Windows logoff or shutdown asks the program to
commit its data; unsaved edits become a draft, offered again on the next start."""

from PySide6.QtGui import QGuiApplication, QSessionManager

DRAFT_NAME = "visit-editor"


def keep_draft(window) -> bool:
    """Store the editor's unsaved state as a draft; True when there was something to keep."""
    draft = window.visits.editor.draft()
    if draft is None:
        return False
    window.context.drafts.save(DRAFT_NAME, draft)
    window.draft_kept = True  # closing now must not ask: the session manager would wait on us
    return True


def install(app: QGuiApplication, window) -> None:
    def commit_data(_manager: QSessionManager) -> None:
        keep_draft(window)

    app.commitDataRequest.connect(commit_data)


def offer_draft(window) -> bool:
    """On start: a draft from an ended session? Ask whether to restore it; either way it is used once."""
    draft = window.context.drafts.load(DRAFT_NAME)
    if draft is None:
        return False
    restore = window.prompts.restore_draft(window)
    if restore:
        window.show_view(0)
        window.visits.restore_draft(draft)
    window.context.drafts.discard(DRAFT_NAME)
    return restore
