from migcli.cli import main

main()
