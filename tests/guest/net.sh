#!/bin/bash
# The Lance on real host networks, seen by Linux 6.1 (headless, loopback
# only, no root needed except for the TAP case):
#  - -nic user (libslirp): udhcpc leases 10.0.2.15 with 10.0.2.2 as the
#    router and 10.0.2.3 as DNS; ping 10.0.2.2 answers; the filter-dump
#    pcap of the run reads back (tools/pcap-frames, and tcpdump where
#    installed) with the DHCP, ARP and ICMP frames expected;
#  - the guest wgets a 5 MB file from an HTTP server on the host's
#    127.0.0.1 and its md5 matches; frames went out of guest RAM without a
#    copy (--stats: le-copied-bytes 0, copied-bytes of the slirp path only
#    for frames received while the Lance was busy);
#  - host -> guest: hostfwd to busybox httpd in the guest;
#  - a host that answers late: the guest's time follows the host's and its
#    TCP does not retransmit (README "Network and time");
#  - restrict=on keeps the guest from the host; guestfwd runs a command;
#  - two simulators on one -netdev socket LAN ping each other and copy a
#    file over HTTP (md5 on both sides);
#  - -netdev tap (where this user may create a TAP): the guest pings the
#    host's end of the TAP.
# usage: tests/guest/net.sh SIM
set -u
sim=${1:-build/sun4m}
root=$(cd "$(dirname "$0")/../.." && pwd)
suite=net
# shellcheck source=tests/guest/lib.sh
. "$(dirname "$0")/lib.sh"

if ! guest=$("$root/tools/mkguest"); then
    bad "tools/mkguest could not build the guest"
    finish
fi
eval "$guest"
mode=$(sed -n 's/^init: //p' "$(dirname "$KERNEL")/manifest")
if [ "$mode" != busybox ]; then
    skipped "the guest has no shell (busybox missing: mini init)"
    finish
fi
tmp=$(mktemp -d)
pids=()
cleanup() {
    local p
    for p in "${pids[@]}"; do
        kill "$p" 2>/dev/null
    done
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

common=(-M SS-5 -m 128 -nographic -serial null -no-reboot "${prom[@]}"
        -kernel "$KERNEL" -initrd "$INITRD" -append "console=ttyS0"
        -rtc base=2024-01-02T03:04:05 --timeout 300)

# A TCP port nobody listens on (127.0.0.1)
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Wait (at most $2 s) until file $1 contains $3
wait_for() {
    local i
    for ((i = 0; i < $2 * 10; i++)); do
        grep -q -- "$3" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

show_failure() {        # $1: stderr file, $2: console log
    sed 's/^/    /' "$1"
    tail -25 "$2" | sed 's/^/    | /'
}

# ---- slirp: DHCP, ping, pcap (twice: nothing outside, same run) ----
for run in 1 2; do
    "$sim" "${common[@]}" --stats --log "$tmp/log1.$run" \
        -nic user,model=lance \
        -object filter-dump,id=f0,netdev=nic0,file="$tmp/dhcp$run.pcap" \
        --expect "sun4m:/# " \
        --send 'udhcpc -i eth0 -n -q\n' --expect "Lease of 10.0.2.15 obtained" \
        --expect "# " \
        --send 'route -n | grep "^0.0.0.0"; cat /etc/resolv.conf\n' \
        --expect "10.0.2.2" --expect "nameserver 10.0.2.3" --expect "# " \
        --send 'echo "pings: $(ping -c 3 10.0.2.2 | grep -c "bytes from")"\n' \
        --expect "pings: 3" \
        --expect "# " --send 'poweroff -f\n' </dev/null 2>"$tmp/err1.$run"
    rc=$?
    [ $rc -eq 0 ] || break
done
if [ $rc -eq 0 ]; then
    ok "udhcpc leased 10.0.2.15 from slirp (router 10.0.2.2, DNS 10.0.2.3); 3 pings to 10.0.2.2 answered"
else
    bad "DHCP/ping over -nic user (run $run): exit status $rc"
    show_failure "$tmp/err1.$run" "$tmp/log1.$run"
fi
c1=$(sed -n 's/.* cycles \([0-9]*\) .*/\1/p' "$tmp/err1.1")
c2=$(sed -n 's/.* cycles \([0-9]*\) .*/\1/p' "$tmp/err1.2")
if [ $rc -eq 0 ] && cmp -s "$tmp/dhcp1.pcap" "$tmp/dhcp2.pcap" &&
        cmp -s "$tmp/log1.1" "$tmp/log1.2" && [ -n "$c1" ] && [ "$c1" = "$c2" ]; then
    ok "two runs: identical pcaps ($(stat -c %s "$tmp/dhcp1.pcap") bytes), consoles and cycle counts ($c1)"
else
    bad "two runs differ: cycles '$c1' '$c2', pcap $(cmp "$tmp/dhcp1.pcap" "$tmp/dhcp2.pcap" 2>&1 | head -1)"
fi
cp "$tmp/dhcp1.pcap" "$tmp/dhcp.pcap"
if "$root/tools/pcap-frames" "$tmp/dhcp.pcap" >"$tmp/dhcp.txt" 2>&1; then
    n=$(sed -n 's/^frames: //p' "$tmp/dhcp.txt")
    dhcp=$(grep -c 'udp .*68>67\|udp .*67>68' "$tmp/dhcp.txt")
    icmp=$(grep -c 'icmp' "$tmp/dhcp.txt")
    arp=$(grep -c 'arp' "$tmp/dhcp.txt")
    if [ "$dhcp" -ge 4 ] && [ "$icmp" -ge 6 ] && [ "$arp" -ge 1 ]; then
        ok "pcap of the run: $n frames, $dhcp DHCP, $arp ARP, $icmp ICMP"
    else
        bad "pcap content: $n frames, $dhcp DHCP (want 4), $arp ARP, $icmp ICMP (want 6)"
        sed 's/^/    /' "$tmp/dhcp.txt"
    fi
else
    bad "tools/pcap-frames cannot read the dump"
    sed 's/^/    /' "$tmp/dhcp.txt"
fi
tcpdump=$(command -v tcpdump || { [ -x /usr/sbin/tcpdump ] && echo /usr/sbin/tcpdump; })
if [ -n "$tcpdump" ]; then
    td=$("$tcpdump" -Z root -nn -r "$tmp/dhcp.pcap" 2>/dev/null | wc -l)
    if [ "$td" = "${n:-x}" ] &&
            "$tcpdump" -Z root -nn -r "$tmp/dhcp.pcap" 2>/dev/null |
            grep -q "ICMP echo reply"; then
        ok "tcpdump reads the same $td frames, echo replies among them"
    else
        bad "tcpdump read $td frames (pcap-frames: ${n:-?})"
    fi
else
    skipped "tcpdump not installed (make deps installs it)"
fi

# ---- slirp: wget of 5 MB from the host ----
mkdir -p "$tmp/www"
head -c 5242880 /dev/urandom >"$tmp/www/f5"
want=$(md5sum <"$tmp/www/f5" | cut -d' ' -f1)
port=$(free_port)
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$tmp/www" \
    >"$tmp/http.log" 2>&1 &
pids+=($!)
for i in $(seq 50); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" \
        2>/dev/null && break
    sleep 0.1
done
"$sim" "${common[@]}" --stats --log "$tmp/log2" \
    --expect "sun4m:/# " \
    --send 'udhcpc -i eth0 -n -q >/dev/null 2>&1; wget -q -O /tmp/f http://10.0.2.2:'"$port"'/f5; md5sum /tmp/f\n' \
    --expect "$want" --expect "# " --send 'poweroff -f\n' \
    </dev/null 2>"$tmp/err2"
rc=$?
if [ $rc -eq 0 ]; then
    ok "wget of 5 MB from 127.0.0.1 through slirp: md5 matches"
else
    bad "wget through slirp: exit status $rc"
    show_failure "$tmp/err2" "$tmp/log2"
fi
st=$(grep 'stats: net' "$tmp/err2")
lecopy=$(echo "$st" | sed -n 's/.*le-copied-bytes \([0-9]*\).*/\1/p')
rx=$(echo "$st" | sed -n 's/.* rx-bytes \([0-9]*\).*/\1/p')
if [ "${lecopy:-x}" = 0 ] && [ "${rx:-0}" -gt 5242880 ]; then
    ok "$rx bytes received; frames sent from guest RAM with no copy by the Lance"
else
    bad "network statistics: $st"
fi

# ---- slirp: host -> guest through hostfwd ----
port=$(free_port)
echo "served by the guest" >"$tmp/index.txt"
"$sim" "${common[@]}" --log "$tmp/log3" \
    -netdev user,id=u0,hostfwd=tcp::"$port"-:80 -net nic,netdev=u0 \
    --expect "sun4m:/# " \
    --send 'udhcpc -i eth0 -n -q >/dev/null 2>&1; echo "served by the guest" > /var/www/index.txt; httpd -p 80 -h /var/www && echo "httpd $((1 + 1)) up"\n' \
    --expect "httpd 2 up" --expect "# " \
    --send 'while :; do sleep 1; done\n' </dev/null 2>"$tmp/err3" &
simpid=$!
pids+=($simpid)
got=
if wait_for "$tmp/log3" 120 "httpd 2 up"; then
    for i in $(seq 30); do
        got=$(curl -s -m 20 "http://127.0.0.1:$port/index.txt") && [ -n "$got" ] && break
        sleep 0.5
    done
fi
# with no host address, hostfwd listens on the loopback address only
listen=$(ss -ltnH 2>/dev/null | awk -v p=":$port" '$4 ~ p"$" { print $4 }')
kill "$simpid" 2>/dev/null
wait "$simpid" 2>/dev/null
if [ "$got" = "served by the guest" ]; then
    ok "host fetched a page from busybox httpd in the guest through hostfwd (127.0.0.1:$port)"
else
    bad "hostfwd: got '$got'"
    show_failure "$tmp/err3" "$tmp/log3"
fi
if ! command -v ss >/dev/null 2>&1; then
    skipped "hostfwd address: no ss(8) to list listening sockets"
elif [ "$listen" = "127.0.0.1:$port" ]; then
    ok "hostfwd without a host address listens on 127.0.0.1 only"
else
    bad "hostfwd listens on '${listen:-nothing}', expected 127.0.0.1:$port"
fi

# ---- slirp: a slow host keeps the guest's clock honest ----
# The server answers 1.5 s (wall) after the request.  While the guest waits
# for it, virtual time must not run ahead (README "Network and time"): the
# guest sees about 1.5 s go by and its TCP retransmits nothing.
port=$(free_port)
cat >"$tmp/slow.py" <<'PYEOF'
import http.server, sys, time
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(1.5)
        body = b"slow but healthy\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PYEOF
python3 "$tmp/slow.py" "$port" &
pids+=($!)
sleep 0.3
"$sim" "${common[@]}" --log "$tmp/log6" \
    --expect "sun4m:/# " \
    --send 'udhcpc -i eth0 -n -q >/dev/null 2>&1; a=$(cut -d" " -f1 /proc/uptime); wget -q -O - http://10.0.2.2:'"$port"'/; b=$(cut -d" " -f1 /proc/uptime); echo "waited $a $b"; echo "retrans=$(grep "^Tcp:" /proc/net/snmp | tail -1 | tr -s " " | cut -d" " -f13)"\n' \
    --expect "retrans=" --expect "# " --send 'poweroff -f\n' \
    </dev/null 2>"$tmp/err6"
rc=$?
body=$(grep -c "slow but healthy" "$tmp/log6")
w=$(sed -n 's/^waited \([0-9.]*\) \([0-9.]*\).*/\1 \2/p' "$tmp/log6" | tr -d '\r')
el=$(echo "$w" | awk '{printf "%.2f", $2 - $1}')
re=$(sed -n 's/^retrans=\([0-9]*\).*/\1/p' "$tmp/log6" | tr -d '\r')
if [ $rc -eq 0 ] && [ "$body" -ge 1 ] && [ "${re:-x}" = 0 ] &&
        awk -v e="${el:-0}" 'BEGIN { exit !(e >= 1.4 && e < 4) }'; then
    ok "a reply 1.5 s late on the host took $el s of guest time; 0 TCP retransmits"
else
    bad "slow host: exit $rc, body $body, guest elapsed '${el:-?}', retransmits '${re:-?}'"
    show_failure "$tmp/err6" "$tmp/log6"
fi

# ---- slirp: restrict=on and guestfwd ----
# restrict=on cuts the guest off from the host (the HTTP server above
# refuses it) but leaves DHCP and the guestfwd service; guestfwd runs a
# command for each guest connection to 10.0.2.100:80.
"$sim" "${common[@]}" --log "$tmp/log7" \
    -nic "user,restrict=on,guestfwd=tcp:10.0.2.100:80-cmd:printf 'HTTP/1.0 200 OK\r\n\r\nguestfwd-%s\n' ok" \
    --expect "sun4m:/# " \
    --send 'udhcpc -i eth0 -n -q >/dev/null 2>&1; wget -q -O - http://10.0.2.100/; wget -q -O /dev/null http://10.0.2.2:'"$port"'/; echo "restricted rc=$?"\n' \
    --expect "restricted rc=" --expect "# " --send 'poweroff -f\n' \
    </dev/null 2>"$tmp/err7"
rc=$?
if [ $rc -eq 0 ] && grep -q "^guestfwd-ok" "$tmp/log7" &&
        grep -q "restricted rc=1" "$tmp/log7"; then
    ok "restrict=on: the host refused the guest; guestfwd ran its command for 10.0.2.100:80"
else
    bad "restrict/guestfwd: exit $rc"
    show_failure "$tmp/err7" "$tmp/log7"
fi

# ---- two simulators on a socket LAN ----
port=$(free_port)
"$sim" "${common[@]}" --log "$tmp/logA" \
    -netdev socket,id=s0,listen=:"$port" -net nic,netdev=s0 \
    --expect "sun4m:/# " \
    --send 'ifconfig eth0 192.168.7.1 netmask 255.255.255.0 up; dd if=/dev/urandom of=/var/www/blob bs=1024 count=512 2>/dev/null; md5sum /var/www/blob; httpd -p 80 -h /var/www && echo "A $((1 + 1)) ready"\n' \
    --expect "A 2 ready" --expect "# " \
    --send 'while :; do sleep 1; done\n' </dev/null 2>"$tmp/errA" &
apid=$!
pids+=($apid)
if wait_for "$tmp/logA" 120 "A 2 ready"; then
    wantb=$(sed -n 's/^\([0-9a-f]\{32\}\)  \/var\/www\/blob.*/\1/p' "$tmp/logA" | tail -1)
    "$sim" "${common[@]}" --log "$tmp/logB" \
        -netdev socket,id=s0,connect=127.0.0.1:"$port" \
        -net nic,netdev=s0,macaddr=52:54:00:12:34:57 --stats \
        -object filter-dump,id=fB,netdev=s0,file="$tmp/lanB.pcap" \
        --expect "sun4m:/# " \
        --send 'ifconfig eth0 192.168.7.2 netmask 255.255.255.0 up; ping -c 1 -W 2 192.168.7.1 >/dev/null; echo "pings: $(ping -c 3 192.168.7.1 | grep -c "bytes from")"\n' \
        --expect "pings: 3" --expect "# " \
        --send 'wget -q -O /tmp/blob http://192.168.7.1/blob; md5sum /tmp/blob\n' \
        --expect "${wantb:-no md5 from A}" --expect "# " --send 'poweroff -f\n' \
        </dev/null 2>"$tmp/errB"
    rc=$?
    gotb=$(sed -n 's/^\([0-9a-f]\{32\}\)  \/tmp\/blob.*/\1/p' "$tmp/logB" | tail -1)
    if [ $rc -eq 0 ] && [ -n "$wantb" ] && [ "$gotb" = "$wantb" ]; then
        ok "two simulators on -netdev socket: ping answered, 512 KB copied over HTTP (md5 $gotb on both)"
    else
        bad "socket LAN: exit $rc, md5 A '$wantb' B '$gotb'"
        show_failure "$tmp/errB" "$tmp/logB"
        "$root/tools/pcap-frames" "$tmp/lanB.pcap" 2>&1 | head -40 |
            sed 's/^/    B pcap| /'
        tail -10 "$tmp/logA" | sed 's/^/    A| /'
    fi
else
    bad "socket LAN: machine A did not come up"
    show_failure "$tmp/errA" "$tmp/logA"
fi
kill "$apid" 2>/dev/null
wait "$apid" 2>/dev/null

# ---- TAP (needs CAP_NET_ADMIN) ----
tap=sun4mt$$
tap=${tap:0:15}
if ! command -v ip >/dev/null 2>&1; then
    skipped "TAP: no ip(8) to configure the host side"
elif ! ip tuntap add dev "$tap" mode tap 2>/dev/null; then
    skipped "TAP: this user may not create a TAP device (needs CAP_NET_ADMIN)"
else
    ip addr add 192.168.78.1/24 dev "$tap" && ip link set "$tap" up
    tport=$(free_port)
    python3 -m http.server "$tport" --bind 192.168.78.1 \
        --directory "$tmp/www" >"$tmp/http5.log" 2>&1 &
    pids+=($!)
    "$sim" "${common[@]}" --stats --log "$tmp/log5" \
        -netdev tap,id=t0,ifname="$tap",script=no,downscript=no \
        -net nic,netdev=t0 \
        --expect "sun4m:/# " \
        --send 'ifconfig eth0 192.168.78.2 netmask 255.255.255.0 up; ping -c 1 -W 2 192.168.78.1 >/dev/null; echo "pings: $(ping -c 3 192.168.78.1 | grep -c "bytes from")"\n' \
        --expect "pings: 3" --expect "# " \
        --send 'wget -q -O - http://192.168.78.1:'"$tport"'/f5 | md5sum\n' \
        --expect "$want" --expect "# " --send 'poweroff -f\n' \
        </dev/null 2>"$tmp/err5"
    rc=$?
    st=$(grep 'stats: net' "$tmp/err5")
    copied=$(echo "$st" | sed -n 's/.* copied-bytes \([0-9]*\).*/\1/p')
    rx=$(echo "$st" | sed -n 's/.* rx-bytes \([0-9]*\).*/\1/p')
    if [ $rc -eq 0 ] && [ "${copied:-x}" = 0 ] && [ "${rx:-0}" -gt 5242880 ]; then
        ok "TAP $tap: the guest pinged the host's end and fetched 5 MB (md5 matches), $rx bytes read straight into its receive buffers, 0 copied"
    else
        bad "TAP: exit status $rc, $st"
        show_failure "$tmp/err5" "$tmp/log5"
    fi
    ip tuntap del dev "$tap" mode tap 2>/dev/null
fi

finish
