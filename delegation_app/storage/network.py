"""Is a database file on a network share? SQLite's WAL needs shared memory between the
processes using the file, which network file systems do not give (sqlite.org/wal.html): several
users on one SQLite file there risk a corrupt database. They need the PostgreSQL mode."""

import os
import sys
from pathlib import Path, PureWindowsPath

NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smbfs",
    "smb3",
    "afs",
    "9p",
    "davfs",
    "fuse.sshfs",
    "glusterfs",
    "ceph",
    "lustre",
    "ncpfs",
}


def _windows_drive_is_remote(drive: str) -> bool:
    if sys.platform != "win32":  # never called elsewhere; tells type checkers that ctypes.windll exists
        return False
    import ctypes

    DRIVE_REMOTE = 4  # Win32 GetDriveType's value for a network drive
    return ctypes.windll.kernel32.GetDriveTypeW(f"{drive}\\") == DRIVE_REMOTE


def _posix_filesystem(path: Path, mounts_text: str) -> str | None:
    """The file system type of the longest mount point containing ``path`` (from /proc/mounts)."""
    best, best_type = "", None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = str(path) == mount_point or str(path).startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def is_network_path(path: Path, *, platform: str = sys.platform, mounts_text: str | None = None) -> bool:
    text = str(path)
    if platform == "win32":
        windows = PureWindowsPath(text)
        if text.startswith(("\\\\", "//")):  # UNC: \\server\share\...
            return True
        return bool(windows.drive) and os.name == "nt" and _windows_drive_is_remote(windows.drive)
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text()
        except OSError:
            return False
    return _posix_filesystem(Path(os.path.abspath(path)), mounts_text) in NETWORK_FILESYSTEMS
