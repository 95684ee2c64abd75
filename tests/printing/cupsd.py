"""A private CUPS scheduler for tests: own config, own spool, a cups-pdf queue writing into a
temp folder, listening only on a Unix socket in the temp dir. Needs root (cupsd, cups-pdf)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
SYSTEM_BIN = "/usr/lib/cups"


@dataclass
class Cupsd:
    root: Path
    socket: str
    proc: subprocess.Popen[bytes]
    out: Path
    confs: list[Path]

    def env(self) -> dict[str, str]:
        return dict(os.environ, CUPS_SERVER=self.socket, LC_ALL="C")

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(args), env=self.env(), capture_output=True, text=True, timeout=20, check=False
        )

    def add_pdf_queue(self, name: str) -> Path:
        """A cups-pdf queue writing into its own folder (cups-pdf reads
        /etc/cups/cups-pdf-NAME.conf for the device URI cups-pdf:/NAME)."""
        out = self.out / name
        out.mkdir(mode=0o777)
        conf = Path(f"/etc/cups/cups-pdf-{name}.conf")
        conf.write_text(
            f"Out {out}\nAnonDirName {out}\nSpool {self.root}/cups-pdf-spool\n"
            f"Log {self.root}/log\nLogType 1\nGrp root\n"
        )
        self.confs.append(conf)
        r = self.run("lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{name}", "-P", PPD)
        assert r.returncode == 0, r.stderr
        return out

    def add_device_queue(self, name: str, backend_script: str) -> None:
        """A queue whose device is a small backend script (a printer that runs out of paper,
        say): CUPS runs it exactly as it runs a real printer's backend."""
        path = self.root / "bin" / "backend" / name
        path.write_text(backend_script)
        path.chmod(0o755)
        r = self.run("lpadmin", "-p", name, "-E", "-v", f"{name}:/device", "-P", PPD)
        assert r.returncode == 0, r.stderr

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        for c in self.confs:
            c.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)


def available() -> str | None:
    """Why a private cupsd cannot run here, or None."""
    if os.geteuid() != 0:
        return "cupsd and the cups-pdf backend need root"
    for tool in ("cupsd", "lpadmin", "lp", "lpstat"):
        if shutil.which(tool) is None:
            return f"{tool} missing (scripts/system-deps.sh test installs cups)"
    if not Path("/usr/lib/cups/backend/cups-pdf").exists() or not Path(PPD).exists():
        return "printer-driver-cups-pdf missing"
    return None


def start() -> Cupsd:
    # Not under pytest's tmp_path: its 0700 parents would keep the filters (user lp) out.
    root = Path(tempfile.mkdtemp(prefix="wd-cups-", dir="/tmp"))
    for d in ("etc", "etc/ppd", "spool", "tmp", "cache", "state", "log", "out", "cups-pdf-spool"):
        (root / d).mkdir(parents=True)
    for d in ("tmp", "spool", "cups-pdf-spool", "log"):
        os.chmod(root / d, 0o1777)
    os.chmod(root, 0o755)
    # Our own ServerBin: the system's filters etc., plus a backend dir we can add printers to.
    sbin = root / "bin"
    sbin.mkdir(mode=0o755)
    for name in os.listdir(SYSTEM_BIN):
        if name != "backend":
            (sbin / name).symlink_to(Path(SYSTEM_BIN) / name)
    (sbin / "backend").mkdir(mode=0o755)
    (sbin / "backend" / "cups-pdf").symlink_to(Path(SYSTEM_BIN) / "backend" / "cups-pdf")
    sock = str(root / "cups.sock")
    (root / "cupsd.conf").write_text(
        f"LogLevel warn\nListen {sock}\nBrowsing No\nWebInterface No\nDefaultAuthType None\n"
        "ErrorPolicy stop-printer\nPreserveJobHistory Yes\nMaxJobs 200\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
    )
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}/etc\nRequestRoot {root}/spool\nTempDir {root}/tmp\n"
        f"CacheDir {root}/cache\nStateDir {root}/state\nErrorLog {root}/log/error_log\n"
        f"AccessLog {root}/log/access_log\nPageLog {root}/log/page_log\n"
        f"ServerBin {sbin}\nDataDir /usr/share/cups\nSystemGroup root\nSandboxing Relaxed\n"
    )
    proc = subprocess.Popen(
        ["cupsd", "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    d = Cupsd(root, sock, proc, root / "out", [])
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"cupsd exited: {proc.stderr.read().decode() if proc.stderr else ''}"
            )
        if d.run("lpstat", "-r").stdout.startswith("scheduler is running"):
            return d
        time.sleep(0.1)
    d.stop()
    raise RuntimeError("cupsd did not start")
