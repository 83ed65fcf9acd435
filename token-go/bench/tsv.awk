# Turns `go test -bench -benchmem` output into the lines of target/bench/go*.tsv:
# group <TAB> implementation <TAB> ns/op <TAB> allocs/op. Each benchmark has
# the sub-benchmarks "agoratoken" (ours, written first) and "peer".
BEGIN {
	OFS = "\t"
	group["RtcBuildTokenWithUID"] = "go: BuildTokenWithUID (one call)"
	group["BuilderBuildToken"] = "go: SimpleTokenBuilder.BuildToken"
	group["Parse"] = "go: parse a token"
	group["Rtc2BuildTokenWithUid"] = "go 007: rtctokenbuilder2.BuildTokenWithUid"
	group["Parse2"] = "go 007: parse a token"
	impl["agoratoken"] = "agoratoken (cgo, libagoratoken.a)"
	# ../bench007 passes -v peer="... v1.3.0 ..."
	impl["peer"] = peer != "" ? peer : "AgoraIO-Community/go-tokenbuilder v1.0.0"
}
/^Benchmark/ {
	name = $1
	sub(/^Benchmark/, "", name)
	sub(/-[0-9]+$/, "", name)
	split(name, part, "/")
	ns = ""; allocs = 0
	for (i = 2; i < NF; i++) {
		if ($(i + 1) == "ns/op") ns = $i
		if ($(i + 1) == "allocs/op") allocs = $i
	}
	if (!(part[1] in group) || !(part[2] in impl) || ns == "") {
		print "tsv.awk: unexpected line: " $0 > "/dev/stderr"
		exit 1
	}
	row[part[1], part[2]] = group[part[1]] OFS impl[part[2]] OFS ns OFS allocs
	if (!(part[1] in seen)) { seen[part[1]] = 1; order[++n] = part[1] }
}
END {
	for (i = 1; i <= n; i++) {
		g = order[i]
		if (!((g, "agoratoken") in row) || !((g, "peer") in row)) {
			print "tsv.awk: " g " lacks a side" > "/dev/stderr"
			exit 1
		}
		print row[g, "agoratoken"]
		print row[g, "peer"]
	}
}
