module github.com/agoratoken/agoratoken/token-go/bench007

go 1.24

require (
	github.com/AgoraIO-Community/go-tokenbuilder v1.3.0
	github.com/agoratoken/agoratoken/token-go v0.0.0
)

replace github.com/agoratoken/agoratoken/token-go => ../
