from pathlib import Path

from delegation_app.storage.network import is_network_path

MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
server:/export /mnt/team nfs4 rw 0 0
//fileserver/amt /mnt/amt cifs rw 0 0
tmpfs /mnt/team/local tmpfs rw 0 0
"""


def test_unc_paths_are_network_paths_on_windows():
    assert is_network_path(Path(r"\\rathaus-fs\Amt\delegation.sqlite"), platform="win32")
    assert is_network_path(Path("//rathaus-fs/Amt/delegation.sqlite"), platform="win32")


def test_network_file_systems_are_found_by_their_mount():
    assert is_network_path(Path("/mnt/team/delegation.sqlite"), platform="linux", mounts_text=MOUNTS)
    assert is_network_path(Path("/mnt/amt/x/delegation.sqlite"), platform="linux", mounts_text=MOUNTS)
    assert not is_network_path(Path("/home/anna/delegation.sqlite"), platform="linux", mounts_text=MOUNTS)
    # the longest mount point wins: a local file system mounted inside a network one
    assert not is_network_path(Path("/mnt/team/local/db.sqlite"), platform="linux", mounts_text=MOUNTS)
