# Sourced by services.sh and kafka.sh: the two ways they ask a port whether it answers.

# True when host:port accepts a TCP connection.
port_open() { timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null; }

# Sends $3 (printf escapes) to host:port and prints the first $4 bytes of the reply
# as space-separated hex ("01 00 ..."); fails when nothing answers within 5 s.
tcp_exchange() {
  local bytes
  bytes="$(timeout 5 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "$2" >&3
    head -c "$3" <&3 | od -An -tx1' "$1" "$2" "$3" "$4" 2>/dev/null)" || return 1
  echo $bytes
}
