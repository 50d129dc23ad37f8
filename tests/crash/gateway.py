"""The real `ehall serve` as a child process on a free loopback port, always on the same
data dir, so that it can be killed and started again on what it left behind."""

import json
import os
import pathlib
import signal
import subprocess
import time


class CrashTestFailure(Exception):
    """A check failed: the message says which and why."""


class Gateway:
    def __init__(self, ehall, plugin_dir, work, flush_interval_ms):
        self.ehall = ehall
        self.work = pathlib.Path(work)
        self.data_dir = self.work / "data"
        self.config_path = self.work / "config.json"
        self.port_path = self.work / "port"
        self.log_path = self.work / "ehall.log"
        self.process = None
        self.port = 0
        config = {
            "mode": "demo",
            "gateway": {"threads": 2, "worker_threads": 4, "access_log": False},
            "journal": {"flush_interval_ms": flush_interval_ms},
            "plugins": {"dir": plugin_dir, "modules": ["billing", "points"]},
        }
        self.config_path.write_text(json.dumps(config, indent=2) + "\n")

    @property
    def store_path(self):
        return self.data_dir / "ehall.db"

    @property
    def journal_path(self):
        return self.data_dir / "journal.db"

    def start(self):
        if self.port_path.exists():
            self.port_path.unlink()
        env = {k: v for k, v in os.environ.items() if not k.startswith("EHALL_")}
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [self.ehall, "serve", "--config", str(self.config_path), "--listen",
                 "127.0.0.1:0", "--data-dir", str(self.data_dir), "--port-file",
                 str(self.port_path)],
                stdout=subprocess.DEVNULL, stderr=log, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            text = self.port_path.read_text() if self.port_path.exists() else ""
            if text.endswith("\n"):
                self.port = int(text)
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise CrashTestFailure("the gateway did not start on its data dir:\n" + self.log_tail())

    def kill(self):
        """SIGKILL: no shutdown, no journal flush, whatever was in memory is gone."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.process = None

    def stop(self):
        """SIGTERM and wait; the exit status (0 after a clean shutdown)."""
        self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            status = self.process.wait()
        self.process = None
        return status

    def ensure_stopped(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def log_tail(self, lines=30):
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
