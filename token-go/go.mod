module github.com/agoratoken/agoratoken/token-go

go 1.24
