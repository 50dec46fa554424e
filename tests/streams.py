"""Reading a response whole in a test, streamed (StreamingHttpResponse) or not."""


def body(response) -> bytes:
    """All of `response`'s bytes: a streamed one is read to its end, which runs its queries."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def text(response) -> str:
    return body(response).decode("utf-8")
