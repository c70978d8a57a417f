#!/usr/bin/env bash
# Local stand-ins for the campaign's SMTP server and SMS provider, to see every message the service sends:
# an SMTP server on 127.0.0.1:${SMTP_PORT:-2525} and an HTTP "SMS provider" on 127.0.0.1:${SMS_PORT:-2526}, both
# printing what they receive (e-mail headers and text part; the SMS form's To, From, Body). Python 3 only, no
# packages. Start it, then the service with the settings it prints (README, "Messages to volunteers").
#   bash scripts/message-stubs.sh            # Ctrl-C stops both
set -euo pipefail
SMTP_PORT=${SMTP_PORT:-2525} SMS_PORT=${SMS_PORT:-2526} exec python3 -u - <<'PY'
import email, email.policy, http.server, os, socketserver, sys, threading, urllib.parse

SMTP_PORT, SMS_PORT = int(os.environ["SMTP_PORT"]), int(os.environ["SMS_PORT"])

class Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP for one client: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self.reply("220 message-stubs SMTP")
        while True:
            line = self.rfile.readline().decode("utf-8", "replace").strip()
            if not line:
                return
            verb = line[:4].upper()
            if verb == "EHLO":
                self.reply("250-message-stubs"); self.reply("250 8BITMIME")
            elif verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                lines = []
                while True:
                    data = self.rfile.readline()
                    if data in (b".\r\n", b".\n", b""):
                        break
                    lines.append(data[1:] if data.startswith(b"..") else data)
                show(email.message_from_bytes(b"".join(lines), policy=email.policy.default))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye"); return
            else:  # HELO, MAIL, RCPT, RSET, NOOP
                self.reply("250 ok")

def show(mail):
    text = mail.get_body(preferencelist=("plain",))
    print(f"=== e-mail to {mail['To']} from {mail['From']}: {mail['Subject']}")
    print(f"    key {mail['X-FieldPlan-Message-Key']}")
    print(text.get_content() if text else "(no text part)")

class Sms(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"] or 0)).decode())
        field = lambda name: form.get(name, [""])[0]
        print(f"=== SMS to {field('To')} from {field('From')} ({self.path}, key "
              f"{self.headers['X-FieldPlan-Message-Key']})\n{field('Body')}\n")
        answer = b'{"status":"queued"}'
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass

socketserver.ThreadingTCPServer.allow_reuse_address = True
smtp = socketserver.ThreadingTCPServer(("127.0.0.1", SMTP_PORT), Smtp)
sms = http.server.ThreadingHTTPServer(("127.0.0.1", SMS_PORT), Sms)
threading.Thread(target=smtp.serve_forever, daemon=True).start()
print(f"SMTP on 127.0.0.1:{SMTP_PORT}, SMS provider on http://127.0.0.1:{SMS_PORT}; start the service with:\n"
      f"  SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT={SMTP_PORT} FIELDPLAN_MAIL_FROM=field@campaign.test \\\n"
      f"  FIELDPLAN_SMS_URL=http://127.0.0.1:{SMS_PORT} FIELDPLAN_SMS_ACCOUNT=AC-local FIELDPLAN_SMS_TOKEN=local \\\n"
      f"  FIELDPLAN_PUBLIC_URL=http://localhost:8080 FIELDPLAN_QUIET_START=00:00 FIELDPLAN_QUIET_END=00:00 \\\n"
      f"  <the main command's settings> bash scripts/serve.sh", flush=True)
try:
    sms.serve_forever()
except KeyboardInterrupt:
    pass
PY
