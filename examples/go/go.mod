module github.com/agoratoken/agoratoken/examples/go

go 1.24

require github.com/agoratoken/agoratoken/token-go v0.0.0

replace github.com/agoratoken/agoratoken/token-go => ../../token-go
