from . import selectors


def unread(request) -> dict:
    """The header's unread count, for logged-in people only (one indexed count query)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": selectors.unread_count(user)}
