package com.pexper.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The reader the privacy test relies on, on lines as strace prints them (those with telemetry are from a real run). */
class SystemCallTraceTest {

    private static SystemCallTrace parse(String... lines) {
        return SystemCallTrace.parse(List.of(lines), Path.of("/work/pexper"));
    }

    @Test
    void writesAreFoundWhereverTheirPathIsRelativeTo() {
        SystemCallTrace trace = parse(
                "7025  mkdir(\"/h/.cache/Microsoft/DeveloperTools/.onnxruntime\", 0700) = 0",
                "7025  openat(52</h/.cache/Microsoft/DeveloperTools/.onnxruntime>, \"deviceid.tmp.c35d\", O_WRONLY|O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC, 0600) = 53</h/.cache/Microsoft/DeveloperTools/.onnxruntime/deviceid.tmp.c35d>",
                "7025  linkat(52</h/.cache/Microsoft/DeveloperTools/.onnxruntime>, \"deviceid.tmp.c35d\", 52</h/.cache/Microsoft/DeveloperTools/.onnxruntime>, \"deviceid\", 0) = 0",
                "6971  openat(AT_FDCWD, \"/tmp/mat-debug-6971.log\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 7</tmp/mat-debug-6971.log>",
                "6971  openat(AT_FDCWD, \"/usr/lib/jvm/lib/modules\", O_RDONLY|O_CLOEXEC) = 3</usr/lib/jvm/lib/modules>",
                "6971  openat(AT_FDCWD, \"/gone\", O_WRONLY|O_CREAT, 0644) = -1 EACCES (Permission denied)",
                "6971  clone3({flags=CLONE_VM|CLONE_FS, exit_signal=0, stack=0x7f, stack_size=0x3ffd00}, 88) = 6990",
                "6990  chdir(\"sub\") = 0",
                "6990  openat(AT_FDCWD, \"notes.txt\", O_WRONLY|O_CREAT|O_TRUNC, 0666 <unfinished ...>",
                "6971  close(3)                        = 0",
                "6990  <... openat resumed>)            = 9</work/pexper/sub/notes.txt>",
                "6971  renameat(AT_FDCWD, \"/p/a.part\", AT_FDCWD, \"/p/a.png\") = 0",
                "6971  unlink(\"/tmp/onnxruntime-java123/libonnxruntime.so\") = 0",
                "6971  mkdir(\"by-a-thread's-sibling\", 0755) = 0",
                "6971  vfork() = 7000",
                "7000  chdir(\"/elsewhere\") = 0",
                "6971  mkdir(\"after-a-child-moved\", 0755) = 0",
                "6971  openat(12</h/a\\\"b\\76c>, \"x\", O_WRONLY|O_CREAT, 0644) = 13</h/a\\\"b\\76c/x>",
                "6971  bind(14<socket:[9]>, {sa_family=AF_UNIX, sun_path=\"/h/.lock-socket\"}, 110) = 0");
        List<Path> paths = trace.changes().stream().map(SystemCallTrace.FileChange::path).toList();
        assertEquals(List.of(Path.of("/h/.cache/Microsoft/DeveloperTools/.onnxruntime"),
                Path.of("/h/.cache/Microsoft/DeveloperTools/.onnxruntime/deviceid.tmp.c35d"),
                Path.of("/h/.cache/Microsoft/DeveloperTools/.onnxruntime/deviceid"), Path.of("/tmp/mat-debug-6971.log"),
                Path.of("/work/pexper/sub/notes.txt"), Path.of("/p/a.part"), Path.of("/p/a.png"),
                Path.of("/tmp/onnxruntime-java123/libonnxruntime.so"), Path.of("/work/pexper/sub/by-a-thread's-sibling"),
                Path.of("/work/pexper/sub/after-a-child-moved"), Path.of("/h/a\"b>c/x"), Path.of("/h/.lock-socket")), paths,
                "reads and failed calls change nothing; threads share a working directory, a forked child has its own;"
                        + " escaped paths are read as they are; a bound socket is a file");
    }

    @Test
    void ioUringIsReportedBecauseItsOperationsAreInvisible() {
        SystemCallTrace trace = parse("900  io_uring_setup(256, {flags=0, sq_thread_cpu=0}) = 21<anon_inode:[io_uring]>");
        assertEquals(1, trace.unobservable().size());
    }

    @Test
    void contactsAndNameLookUpsAreFound() {
        SystemCallTrace trace = parse(
                "812  connect(5<socket:[1]>, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"10.255.255.53\")}, 16) = 0",
                "812  sendto(5<socket:[1]>, \"\\x12\\x34\", 2, MSG_NOSIGNAL, NULL, 0) = 2",
                "812  connect(6<socket:[2]>, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"2603:1030::1\", &sin6_addr), sin6_scope_id=0}, 28) = -1 EINPROGRESS (Operation now in progress)",
                "812  connect(7<socket:[3]>, {sa_family=AF_INET, sin_port=htons(40123), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                "812  connect(8<socket:[4]>, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = 0",
                "812  sendto(8<socket:[4]>, \"\\x02\\x00\\x00\\x00\\x0e\\x00\\x00\\x00\\x1f\\x00\\x00\\x00mobile.events.data.microsoft.com\\x00\", 43, MSG_NOSIGNAL, NULL, 0) = 43",
                "812  connect(9<socket:[5]>, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = 0",
                "812  sendto(9<socket:[5]>, \"\\x02\\x00\\x00\\x00\\x01\\x00\\x00\\x00\\x02\\x00\\x00\\x000\\x00\", 14, MSG_NOSIGNAL, NULL, 0) = 14",
                "812  connect(10<socket:[6]>, {sa_family=AF_UNIX, sun_path=@\"/tmp/.X11-unix/X99\"}, 21) = 0");
        List<SystemCallTrace.Contact> ip = trace.contacts().stream().filter(SystemCallTrace.Contact::isIp).toList();
        assertEquals(List.of(53, 443, 40123), ip.stream().map(SystemCallTrace.Contact::port).toList());
        assertEquals(List.of(false, false, true), ip.stream().map(SystemCallTrace.Contact::isLoopback).toList());
        assertEquals(1, trace.lookups().size(), "a host look-up through nscd counts; a user look-up does not");
        assertTrue(trace.lookups().get(0).detail().contains("mobile.events.data.microsoft.com"), trace.lookups().toString());
        assertTrue(trace.contacts().stream().anyMatch(c -> c.address().equals("@/tmp/.X11-unix/X99")));
        assertFalse(trace.contacts().stream().filter(c -> c.family().equals("AF_UNIX")).anyMatch(SystemCallTrace.Contact::isIp));
    }
}
