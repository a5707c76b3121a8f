from migcli.entry import main

main()
