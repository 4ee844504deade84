# subprocess: run/capture/check/timeout/missing program/shell/text/input/cwd/env, Popen and communicate, call/check_output/getoutput.
import subprocess, os, sys, signal
r = subprocess.run(["echo", "hello"], capture_output=True)
print(r)
r = subprocess.run(["echo", "hello"], capture_output=True, text=True)
print(r, r.stdout, r.returncode)
r = subprocess.run("echo out; echo err 1>&2; exit 3", shell=True, capture_output=True, text=True)
print(r)
try:
    subprocess.run(["sh", "-c", "exit 2"], check=True)
except subprocess.CalledProcessError as e:
    print(e, e.returncode, e.cmd, e.output)
try:
    subprocess.run(["nosuch"])
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
try:
    subprocess.run(["/nonexistent/prog"])
except FileNotFoundError as e:
    print(e)
try:
    subprocess.run(["ls"], cwd="/nonexistent_dir")
except FileNotFoundError as e:
    print(e)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd)
try:
    subprocess.run(["sh", "-c", "echo partial; sleep 5"], timeout=0.3, capture_output=True)
except subprocess.TimeoutExpired as e:
    print(e, e.stdout)
r = subprocess.run(["cat"], input=b"piped input", capture_output=True)
print(r.stdout)
r = subprocess.run(["cat"], input="text input\r\nline2", capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(["pwd"], cwd="/tmp", stdout=subprocess.PIPE, text=True)
print(r.stdout.strip())
r = subprocess.run(["sh", "-c", "echo $FOO"], env={"FOO": "bar", "PATH": os.environ["PATH"]}, stdout=subprocess.PIPE, text=True)
print(r.stdout)
r = subprocess.run(["sh", "-c", "echo to-stderr 1>&2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
print(r)
r = subprocess.run(["sh", "-c", "echo gone"], stdout=subprocess.DEVNULL)
print(r)
out_path = f"/tmp/chaipy_test_subprocess_{os.getpid()}.txt"  # no other directory may be assumed
with open(out_path, "w") as f:
    subprocess.run(["echo", "to file"], stdout=f)
print(open(out_path).read(), end="")
os.unlink(out_path)
print(subprocess.call(["sh", "-c", "exit 5"]))
print(subprocess.check_call(["true"]))
print(subprocess.check_output(["echo", "co"]))
print(subprocess.check_output("echo $((1+2))", shell=True, text=True))
print(subprocess.getoutput("echo go; echo err >&2"))
print(subprocess.getstatusoutput("exit 4"))
try:
    subprocess.check_output(["sh", "-c", "echo x; kill -9 $$"])
except subprocess.CalledProcessError as e:
    print(e, e.output)
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"via popen")
print(out, err, p.returncode, p.args)
p = subprocess.Popen(["sleep", "10"])
print(p.poll())
p.terminate()
print(p.wait(), p.returncode)
p = subprocess.Popen(["sleep", "10"])
p.kill()
print(p.wait())
p = subprocess.Popen(["sleep", "10"])
p.send_signal(signal.SIGUSR1)
print(p.wait())
with subprocess.Popen(["echo", "in with"], stdout=subprocess.PIPE, text=True) as p:
    print(p.stdout.read(), end="")
print(p.returncode)
p = subprocess.Popen(["sleep", "0.5"])
try:
    p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print(e)
print(p.wait())
p = subprocess.Popen(["sh", "-c", "cat; echo done >&2"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    p.communicate(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("timeout", e.timeout)
p.stdin.close() if not p.stdin.closed else None
print(p.communicate())
p = subprocess.Popen(["sh", "-c", "read x; echo got $x"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
p.stdin.write("line\n"); p.stdin.flush()
print(p.stdout.readline(), end="")
p.stdin.close(); p.wait(); p.stdout.close()
p = subprocess.Popen(["true"])
p.wait()
print(repr(p))
r = subprocess.run([sys.executable, "-c", "import sys; sys.exit(7)"])
print(r.returncode)
r, w = os.pipe()
res = subprocess.run(["sh", "-c", "echo passed >&%d" % w], pass_fds=[w])
os.close(w); print(os.read(r, 100)); os.close(r)
r = subprocess.run(["sh", "-c", "ls /proc/self/fd | wc -l"], capture_output=True, text=True)
print(r.stdout.strip())
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
print(subprocess.CompletedProcess(["a"], 0))
print(str(subprocess.CalledProcessError(-15, "cmd")))
