# A spawned child receives its preparation data and the pickled Process only through the inherited pipe: its argv and environment carry neither the pickle nor the secret inside it, it holds no named file open, and no file that appears in /tmp, /dev/shm or TMPDIR meanwhile holds the secret.
import multiprocessing as mp
import os
import sys

# Sent to the child as a Process argument, so it travels inside the pickled Process.
SECRET = 'spawn-secret-' + 'k7Qz' * 8
REGULAR_FILE = 0o100000
FILE_TYPE_MASK = 0o170000
SCAN_LIMIT = 16 << 20


def child(secret):
    print('secret arrived:', secret == SECRET)
    with open('/proc/self/cmdline', 'rb') as f:
        cmdline = f.read()
    with open('/proc/self/environ', 'rb') as f:
        environ = f.read()
    for label, text in (('argv', cmdline), ('environment', environ)):
        print(label, 'carries the secret:', SECRET.encode() in text, '- a pickle:', b'\x80\x04\x95' in text)
    # Beyond stdio (which the test runner may point at files), every descriptor must be a
    # pipe or an unnamed (memfd) file: a pickle read from a named file would show here.
    named_files = 0
    for name in os.listdir('/proc/self/fd'):
        fd = int(name)
        if fd <= 2:
            continue
        try:
            status = os.fstat(fd)
        except OSError:
            continue  # the descriptor listdir used, closed since
        if status.st_mode & FILE_TYPE_MASK == REGULAR_FILE and status.st_nlink > 0:
            named_files += 1
    print('named files open beyond stdio:', named_files)
    sys.stdout.flush()


def entries(directory):
    try:
        return set(os.listdir(directory))
    except OSError:
        return set()


def holds_secret(path, depth=0):
    """Whether the regular file at path, or one below the directory at path, contains SECRET."""
    try:
        status = os.lstat(path)
    except OSError:
        return False  # gone already
    kind = status.st_mode & FILE_TYPE_MASK
    if kind == 0o040000 and depth < 3:
        return any(holds_secret(os.path.join(path, name), depth + 1) for name in entries(path))
    if kind != REGULAR_FILE or status.st_size > SCAN_LIMIT:
        return False  # FIFOs and sockets are never opened: that could block
    try:
        with open(path, 'rb') as f:
            return SECRET.encode() in f.read()
    except OSError:
        return False


if __name__ == '__main__':
    private_tmp = os.path.join('/tmp', f'chaipy_pickle_spawn_{os.getpid()}')
    os.mkdir(private_tmp)
    os.environ['TMPDIR'] = private_tmp
    roots = ['/tmp', '/dev/shm', private_tmp]
    try:
        before = {root: entries(root) for root in roots}
        ctx = mp.get_context('spawn')
        process = ctx.Process(target=child, args=(SECRET,))
        process.start()
        process.join()
        print('child exit code:', process.exitcode)
        new_paths = [os.path.join(root, name) for root in roots for name in entries(root) - before[root]]
        print('new files holding the secret:', sum(holds_secret(path) for path in new_paths))
        print('files left in TMPDIR:', sorted(entries(private_tmp)))
    finally:
        os.rmdir(private_tmp)
