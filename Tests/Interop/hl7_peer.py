"""The outside party of the HL7 listener tests: a sending system built on python-hl7 (PyPI).

Usage: hl7_peer.py MODE HOST PORT [ARGS] ; messages come on stdin as JSON (a list of strings, segments
separated by \\r). Every mode prints one JSON object on stdout. Exit status 0 unless the peer itself
failed (a connection it could not make, a read that timed out where an answer was due).
"""
import json
import random
import socket
import sys
import time

import hl7
from hl7.client import MLLPClient

SB, EB, CR = b"\x0b", b"\x1c", b"\x0d"


def wait_for(host, port, seconds=20.0):
    deadline = time.time() + seconds
    while True:
        try:
            socket.create_connection((host, port), timeout=1).close()
            return
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.05)


def summary(ack_bytes):
    """An ACK parsed by python-hl7: MSA-1, MSA-2, MSA-3 and the ERR segment's place, code and text."""
    text = ack_bytes.decode("utf-8")
    msg = hl7.parse(text.strip(SB.decode() + EB.decode() + CR.decode() + "\n"))
    msa = msg.segment("MSA")
    out = {"code": str(msa[1]), "control": str(msa[2]), "text": str(msa[3]) if len(msa) > 3 else "",
           "msh9": str(msg.segment("MSH")[9])}
    try:
        err = msg.segment("ERR")
        out["err_place"] = str(err[2])
        out["err_code"] = str(err[3][0][0])
        out["err_text"] = str(err[8]) if len(err) > 8 else ""
    except KeyError:
        pass
    return out


def read_frame(sock, timeout=20.0):
    sock.settimeout(timeout)
    buf = b""
    while not buf.endswith(EB + CR):
        chunk = sock.recv(4096)
        if not chunk:
            return None
        buf += chunk
    return buf


def mode_send(host, port, messages):
    """Each message through python-hl7's MLLP client, on one connection, in order."""
    acks = []
    with MLLPClient(host, port) as client:
        for m in messages:
            acks.append(summary(client.send_message(m.encode("utf-8") if isinstance(m, str) else m)))
    return {"acks": acks}


def mode_send_bytes(host, port, messages):
    """Messages given as latin-1 code points (bytes 0-255), framed by hand: other character sets."""
    acks = []
    s = socket.create_connection((host, port), timeout=20)
    for m in messages:
        s.sendall(SB + m.encode("latin-1") + EB + CR)
        acks.append(summary(read_frame(s)))
    s.close()
    return {"acks": acks}


def mode_split(host, port, messages):
    """One message sent a few bytes at a time, with pauses, so it arrives in many TCP reads."""
    frame = SB + messages[0].encode("utf-8") + EB + CR
    s = socket.create_connection((host, port), timeout=20)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    pieces = 0
    for i in range(0, len(frame), 7):
        s.sendall(frame[i:i + 7])
        pieces += 1
        time.sleep(0.01)
    ack = summary(read_frame(s))
    s.close()
    return {"pieces": pieces, "acks": [ack]}


def mode_garbage(host, port, messages):
    """Garbage, a frame whose end block lacks its carriage return, a frame that is not HL7, then a
    good message, all on one connection: the good message must still be answered."""
    s = socket.create_connection((host, port), timeout=20)
    s.sendall(b"GET / HTTP/1.0\r\n\r\n\x00\xff\xfe")
    s.sendall(SB + b"MSH|^~\\&|broken" + EB + b"X")
    s.sendall(SB + b"hello, not hl7" + EB + CR)
    first = summary(read_frame(s))
    s.sendall(SB + messages[0].encode("utf-8") + EB + CR)
    second = summary(read_frame(s))
    s.close()
    return {"acks": [first, second]}


def mode_midframe(host, port, messages):
    """Stops in the middle of a frame and closes; then a new connection is answered."""
    s = socket.create_connection((host, port), timeout=20)
    data = SB + messages[0].encode("utf-8")
    s.sendall(data[: len(data) // 2])
    s.close()
    s = socket.create_connection((host, port), timeout=20)
    s.sendall(SB + messages[1].encode("utf-8") + EB + CR)
    ack = summary(read_frame(s))
    s.close()
    return {"acks": [ack]}


def mode_refused(host, port, messages, source):
    """Connects from `source` (another loopback address) and sends a message: an allowed peer gets
    an ACK, a refused one a closed connection and no ACK."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(10)
    s.bind((source, 0))
    s.connect((host, port))
    try:
        s.sendall(SB + messages[0].encode("utf-8") + EB + CR)
        frame = read_frame(s, timeout=10)
    except (ConnectionResetError, BrokenPipeError):
        frame = None
    s.close()
    return {"closed": frame is None, "acks": [summary(frame)] if frame else []}


def mode_pipeline(host, port, messages):
    """Every message in one write, without waiting for ACKs, then every ACK read: the listener
    answers them all, in order (it stops reading while it works, so the sender's own buffers wait)."""
    s = socket.create_connection((host, port), timeout=60)
    s.sendall(b"".join(SB + m.encode("utf-8") + EB + CR for m in messages))
    s.settimeout(60)
    buf, acks = b"", []
    while len(acks) < len(messages):
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
        while EB + CR in buf:
            frame, buf = buf.split(EB + CR, 1)
            acks.append(summary(frame + EB + CR))
    s.close()
    return {"acks": [{"code": a["code"], "control": a["control"]} for a in acks]}


def mode_noack(host, port, messages):
    """One message; the answer is either an ACK or the connection closed without one."""
    s = socket.create_connection((host, port), timeout=90)
    s.sendall(SB + messages[0].encode("utf-8") + EB + CR)
    start = time.monotonic()
    try:
        frame = read_frame(s, timeout=90)
    except (ConnectionResetError, BrokenPipeError):
        frame = None
    s.close()
    return {"closed": frame is None, "seconds": time.monotonic() - start, "acks": [summary(frame)] if frame else []}


def mode_burst(host, port, messages):
    """The messages back to back through python-hl7's client; how long it took."""
    start = time.monotonic()
    acks = []
    with MLLPClient(host, port) as client:
        for m in messages:
            a = summary(client.send_message(m.encode("utf-8")))
            acks.append({"code": a["code"], "control": a["control"]})
    return {"seconds": time.monotonic() - start, "acks": acks}


def mutate(rng, base):
    b = bytearray(base)
    kind = rng.randrange(8)
    if kind == 0:
        for _ in range(rng.randrange(1, 20)):
            b[rng.randrange(len(b))] = rng.randrange(256)
    elif kind == 1:
        b = b[: rng.randrange(len(b))]
    elif kind == 2:
        for _ in range(rng.randrange(1, 10)):
            b.insert(rng.randrange(len(b)), rng.choice(b"|^~\\&\r\n\x0b\x1c"))
    elif kind == 3:
        b = bytearray(rng.randbytes(rng.randrange(1, 400)))
    elif kind == 4:
        pos = rng.randrange(len(b))
        b[pos:pos] = b"\\X" + bytes(rng.choice(b"0123456789ABCDEFxz") for _ in range(rng.randrange(0, 9))) + b"\\"
    elif kind == 5:
        pos = rng.randrange(len(b))
        b[pos:pos] = b"A" * rng.randrange(1000, 70000)
    elif kind == 6:
        b = b.replace(b"|", b"|" * rng.randrange(2, 5), rng.randrange(1, 6))
    else:
        b = b.replace(b"\r", b"\n")
    return bytes(b)


def mode_fuzz(host, port, messages, seed, count):
    """`count` mutated or random frames, each on its own connection. Each is answered, or (bytes
    that never make a whole frame: an end block lost, a start block inside) left unanswered, and
    then a good message sent on the same connection must be answered: the connection still works.
    The listener must still answer a good message on a new connection after all of them."""
    rng = random.Random(int(seed))
    bases = [m.encode("utf-8") for m in messages[:-1]]
    probe = messages[-1].encode("utf-8")
    answered = unanswered = probe_answered = 0
    codes = {}
    for i in range(int(count)):
        payload = mutate(rng, rng.choice(bases))
        s = socket.create_connection((host, port), timeout=20)
        s.sendall(SB + payload + EB + CR)
        try:
            frame = read_frame(s, timeout=1.5)
        except TimeoutError:
            frame = None
        if frame is None:
            unanswered += 1
            s.sendall(SB + probe + EB + CR)
            reply = read_frame(s, timeout=20)
            if reply is not None:
                probe_answered += 1
        else:
            answered += 1
            code = summary(frame)["code"]
            codes[code] = codes.get(code, 0) + 1
        s.close()
    final = mode_send(host, port, messages[-1:])["acks"][0]
    return {"acks": [], "answered": answered, "unanswered": unanswered, "probe_answered": probe_answered, "codes": codes, "after": final}


def main():
    mode, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    messages = json.load(sys.stdin)
    wait_for(host, port)
    if mode == "refused":
        result = mode_refused(host, port, messages, sys.argv[4])
    elif mode == "fuzz":
        result = mode_fuzz(host, port, messages, sys.argv[4], sys.argv[5])
    else:
        result = {"send": mode_send, "bytes": mode_send_bytes, "split": mode_split, "garbage": mode_garbage,
                  "midframe": mode_midframe, "burst": mode_burst, "pipeline": mode_pipeline, "noack": mode_noack}[mode](host, port, messages)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
