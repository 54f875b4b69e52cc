-- wrk: GetEnvInfo with a different token each call, picked at random from a file of values (one a line)
local values = {}
function init(args)
  for line in io.lines(args[1]) do values[#values + 1] = line end
end
function request()
  return wrk.format("GET", "/1.0/environment/control/rest/getenvinfo?envName=bench&session="
    .. values[math.random(#values)])
end
